package dev.reservation.cli;

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
 * in when no room gives one, the environment, and stdout/stderr. Tests build their own. Immutable.
 */
public record CliRuntime(StoreFactory stores, Clock clock, ZoneId localZone, Map<String, String> env,
                         PrintWriter out, PrintWriter err) {
    public CliRuntime {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(localZone, "localZone");
        env = Map.copyOf(env);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** The process's own: system clock and zone, real environment, UTF-8 stdout and stderr. */
    public static CliRuntime system(StoreFactory stores) {
        return new CliRuntime(stores, Clock.systemUTC(), ZoneId.systemDefault(), System.getenv(),
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    }
}
