package dev.reservation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reservation.cli.store.StoreFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the CLI in-process, the way {@code bin/reservation} would, with captured stdout and stderr. */
final class CliHarness {
    /** Monday 2030-01-07, 08:00 UTC (09:00 in Berlin): "now" for every test. */
    static final Instant NOW = Instant.parse("2030-01-07T08:00:00Z");
    static final ZoneId LOCAL_ZONE = ZoneId.of("Europe/Berlin");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreFactory stores;
    private final Clock clock;
    private final Map<String, String> env;

    CliHarness(StoreFactory stores) {
        this(stores, Clock.fixed(NOW, ZoneOffset.UTC), Map.of());
    }

    CliHarness(StoreFactory stores, Clock clock, Map<String, String> env) {
        this.stores = stores;
        this.clock = clock;
        this.env = env;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliRuntime runtime = new CliRuntime(stores, clock, LOCAL_ZONE, env, new PrintWriter(out, true),
                new PrintWriter(err, true));
        int exit = CliMain.run(runtime, args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Runs with {@code --json} and returns the parsed document, failing unless the exit code is 0. */
    JsonNode json(String... args) {
        String[] withJson = new String[args.length + 1];
        withJson[0] = "--json";
        System.arraycopy(args, 0, withJson, 1, args.length);
        Result result = run(withJson);
        if (result.exit() != 0) {
            throw new AssertionError("exit " + result.exit() + " for " + String.join(" ", args) + ": " + result.err());
        }
        return result.json();
    }

    record Result(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException("stdout is not one JSON document: " + out, e);
            }
        }

        /** stderr without a trailing line break; most errors are exactly one line. */
        String errLine() {
            return err.stripTrailing();
        }
    }
}
