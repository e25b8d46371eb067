package dev.reservation.cli;

import dev.reservation.cli.input.PasswordPrompt;
import dev.reservation.cli.store.StoreFactory;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * What a CLI run takes from the world: the store factory, the clock, the zone local times are read
 * in when no room gives one, the environment, stdout/stderr, the terminal to ask for passwords,
 * and the OS user running it (sign-in attempts are limited per {@code "cli:" + osUser}). Tests
 * build their own. Immutable.
 */
public record CliRuntime(StoreFactory stores, Clock clock, ZoneId localZone, Map<String, String> env,
                         PrintWriter out, PrintWriter err, PasswordPrompt prompt, String osUser) {
    public CliRuntime {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(localZone, "localZone");
        env = Map.copyOf(env);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(prompt, "prompt");
        osUser = osUser == null || osUser.isBlank() ? "unknown" : osUser;
    }

    /** The process's own: system clock and zone, real environment, UTF-8 stdout and stderr, the terminal. */
    public static CliRuntime system(StoreFactory stores) {
        return new CliRuntime(stores, Clock.systemUTC(), ZoneId.systemDefault(), System.getenv(),
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                PasswordPrompt.console(), System.getProperty("user.name"));
    }

    /** The client address sign-in attempts are counted under. */
    public String clientAddress() {
        return "cli:" + osUser;
    }
}
