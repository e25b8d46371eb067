package dev.reservation.cli.input;

import dev.reservation.core.auth.PasswordHasher;
import dev.reservation.core.domain.InvalidInputException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the CLI gets passwords: an environment variable (for scripts) or a no-echo prompt, never a
 * command-line option (it would land in shell history and in {@code ps}). The arrays returned are
 * the caller's to {@link #wipe} once used. Never prints or logs a password. Not thread-safe (it
 * may prompt).
 */
public final class PasswordInput {
    /** The password of the {@code --as} user. */
    public static final String PASSWORD_ENV = "RESERVATION_PASSWORD";
    /** The new password {@code users passwd} sets. */
    public static final String NEW_PASSWORD_ENV = "RESERVATION_NEW_PASSWORD";
    /** The password {@code users bootstrap-admin} gives the admin it creates. */
    public static final String ADMIN_PASSWORD_ENV = "RESERVATION_ADMIN_PASSWORD";

    private final Map<String, String> env;
    private final PasswordPrompt prompt;

    public PasswordInput(Map<String, String> env, PasswordPrompt prompt) {
        this.env = Objects.requireNonNull(env, "env");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
    }

    /** The password to sign in as {@code email}: {@value #PASSWORD_ENV}, else one prompt. */
    public char[] toSignIn(String email) {
        return fromEnv(PASSWORD_ENV).or(() -> prompt.read("Password for " + email + ": "))
                .orElseThrow(() -> new UsageErrorException("--as " + email + " needs a password: set " + PASSWORD_ENV
                        + " or run in a terminal to be asked for it (never on the command line)"));
    }

    /**
     * A new password for {@code whose}: {@code envVar}, else typed twice at the prompt. Checked
     * against the password policy before anything is stored.
     *
     * @throws UsageErrorException when there is neither the variable nor a terminal
     * @throws InvalidInputException when the two typed passwords differ or the policy refuses it
     */
    public char[] toChoose(String envVar, String whose) {
        char[] chosen = fromEnv(envVar).orElseGet(() -> typedTwice(envVar, whose));
        try {
            PasswordHasher.checkPolicy(chosen);
        } catch (RuntimeException refused) {
            wipe(chosen);
            throw refused;
        }
        return chosen;
    }

    private char[] typedTwice(String envVar, String whose) {
        UsageErrorException nobodyToAsk = new UsageErrorException("set " + envVar + " or run in a terminal to be"
                + " asked for the new password of " + whose + " (never on the command line)");
        char[] first = prompt.read("New password for " + whose + ": ").orElseThrow(() -> nobodyToAsk);
        char[] again = prompt.read("Repeat the new password: ").orElse(new char[0]);
        boolean same = Arrays.equals(first, again);
        wipe(again);
        if (!same) {
            wipe(first);
            throw new InvalidInputException("password", "the two passwords typed differ; nothing was changed");
        }
        return first;
    }

    private Optional<char[]> fromEnv(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isEmpty()).map(String::toCharArray);
    }

    /** Overwrites a password held in memory. */
    public static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
