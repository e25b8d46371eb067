package dev.reservation.cli;

import dev.reservation.cli.input.PasswordInput;
import dev.reservation.cli.input.UsageErrorException;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.AuthService;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Settles who acts in one CLI run, once: the {@code --as} user, signed in through
 * {@link AuthService} with the password from the environment or a prompt (read before the store is
 * opened); without {@code --as}, the {@linkplain Actor#LOCAL_OPERATOR local operator} on the
 * embedded default, and a usage error with a MongoDB URI. The password is wiped once checked.
 * Thread-safe.
 */
final class WhoActs {
    private final Optional<String> email;
    private final boolean usesUri;
    private final PasswordInput passwords;
    private final Supplier<AuthService> auth;
    private final String clientAddress;
    private Actor actor;
    private User user;

    WhoActs(Optional<String> email, boolean usesUri, PasswordInput passwords, Supplier<AuthService> auth,
            String clientAddress) {
        this.email = email;
        this.usesUri = usesUri;
        this.passwords = passwords;
        this.auth = auth;
        this.clientAddress = clientAddress;
    }

    /**
     * @throws UsageErrorException with a URI but no {@code --as}, or {@code --as} without a password source
     * @throws dev.reservation.core.domain.AuthenticationFailedException for a wrong email or password,
     *     or a deactivated account
     * @throws dev.reservation.core.domain.TooManySignInAttemptsException when sign-in is blocked for now
     */
    synchronized Actor actor() {
        if (actor == null) {
            if (email.isPresent()) {
                user = signIn(email.get());
                actor = Actor.of(user);
            } else if (usesUri) {
                throw new UsageErrorException("say who acts: with --mongo-uri or RESERVATION_MONGO_URI every command"
                        + " needs --as <email> (the password from " + PasswordInput.PASSWORD_ENV + " or a prompt);"
                        + " only on the embedded store may its local operator act without signing in");
            } else {
                actor = Actor.LOCAL_OPERATOR;
            }
        }
        return actor;
    }

    private User signIn(String address) {
        char[] password = passwords.toSignIn(address);
        try {
            return auth.get().signIn(address, password, clientAddress);
        } finally {
            PasswordInput.wipe(password);
        }
    }

    /** The signed-in user; empty for the local operator. */
    synchronized Optional<User> user() {
        actor();
        return Optional.ofNullable(user);
    }
}
