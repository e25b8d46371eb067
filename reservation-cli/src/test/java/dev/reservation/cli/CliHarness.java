package dev.reservation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reservation.cli.input.PasswordInput;
import dev.reservation.cli.input.PasswordPrompt;
import dev.reservation.cli.store.StoreFactory;
import dev.reservation.core.service.DemoData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the CLI in-process, the way {@code bin/reservation} would, with captured stdout and stderr.
 * Variants ({@link #withEnv}, {@link #withPrompt}, {@link #as}) share the stores and the transcript
 * of everything every run printed, which tests search for passwords that must never appear.
 */
final class CliHarness {
    /** Monday 2030-01-07, 08:00 UTC (09:00 in Berlin): "now" for every test. */
    static final Instant NOW = Instant.parse("2030-01-07T08:00:00Z");
    static final ZoneId LOCAL_ZONE = ZoneId.of("Europe/Berlin");
    static final String OS_USER = "tester";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreFactory stores;
    private final Clock clock;
    private final Map<String, String> env;
    private final PasswordPrompt prompt;
    private final String[] prefix;
    private final StringBuffer transcript;

    CliHarness(StoreFactory stores) {
        this(stores, Clock.fixed(NOW, ZoneOffset.UTC), Map.of());
    }

    CliHarness(StoreFactory stores, Clock clock, Map<String, String> env) {
        this(stores, clock, env, PasswordPrompt.none(), new String[0], new StringBuffer());
    }

    private CliHarness(StoreFactory stores, Clock clock, Map<String, String> env, PasswordPrompt prompt,
                       String[] prefix, StringBuffer transcript) {
        this.stores = stores;
        this.clock = clock;
        this.env = Map.copyOf(env);
        this.prompt = prompt;
        this.prefix = prefix;
        this.transcript = transcript;
    }

    /** The same CLI with one more environment variable. */
    CliHarness withEnv(String name, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(name, value);
        return new CliHarness(stores, clock, more, prompt, prefix, transcript);
    }

    /** The same CLI with this terminal to ask for passwords. */
    CliHarness withPrompt(PasswordPrompt terminal) {
        return new CliHarness(stores, clock, env, terminal, prefix, transcript);
    }

    /** Signed in as {@code email} with {@code password} from the environment. */
    CliHarness as(String email, String password) {
        return new CliHarness(stores, clock, env, prompt, new String[] {"--as", email}, transcript)
                .withEnv(PasswordInput.PASSWORD_ENV, password);
    }

    /** Signed in as a seeded demo user with the demo password. */
    CliHarness as(String email) {
        return as(email, DemoData.PASSWORD);
    }

    /** Everything every run of this harness and its variants printed, stdout and stderr. */
    String transcript() {
        return transcript.toString();
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliRuntime runtime = new CliRuntime(stores, clock, LOCAL_ZONE, env, new PrintWriter(out, true),
                new PrintWriter(err, true), prompt, OS_USER);
        int exit = CliMain.run(runtime, Stream.concat(Stream.of(prefix), Stream.of(args)).toArray(String[]::new));
        transcript.append(out).append(err);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Runs with {@code --json} and returns the parsed document, failing unless the exit code is 0. */
    JsonNode json(String... args) {
        String[] withJson = Stream.concat(Stream.of("--json"), Stream.of(args)).toArray(String[]::new);
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
