package dev.reservation.web;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.wiring.CoreModule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/reservation web}: starts the web app on the chosen store. The first ADMIN comes from
 * the environment; the demo data (with its demo password) is loaded only on the embedded default
 * ({@link Startup}). A startup failure prints one line and exits 1; Ctrl-C stops gracefully. Not
 * thread-safe: picocli fills one instance per run.
 */
@Command(name = "reservation web", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serves the meeting-room reservation web app and its JSON API (/api/v1).")
public final class WebMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(WebMain.class);

    @Option(names = "--port", defaultValue = "${env:PORT:-8080}", description = "HTTP port (env PORT; default 8080)")
    int port;

    @Option(names = "--mongo-uri", description = "MongoDB connection string, e.g. of a replica set"
            + " (env RESERVATION_MONGO_URI; default: the embedded server in the data dir)")
    String mongoUri;

    @Option(names = "--data-dir", description = "data directory of the embedded server"
            + " (env RESERVATION_DATA_DIR; default ~/.reservation/data)")
    Path dataDir;

    @Option(names = "--in-memory", description = "keep everything in this process (demos, tests)")
    boolean inMemory;

    @Option(names = "--primary-wait", defaultValue = "15s", converter = DurationConverter.class,
            description = "how long a booking waits for a primary during a failover before answering 503"
                    + " (default 15s, a little above a default election)")
    Duration primaryWait;

    @Option(names = "--session-idle", defaultValue = "${env:RESERVATION_SESSION_IDLE:-30m}",
            converter = DurationConverter.class,
            description = "a signed-in page session ends after this long without a request"
                    + " (env RESERVATION_SESSION_IDLE; default 30m)")
    Duration sessionIdle;

    @Option(names = "--session-max", defaultValue = "${env:RESERVATION_SESSION_MAX:-12h}",
            converter = DurationConverter.class,
            description = "a page session ends this long after sign-in, however active"
                    + " (env RESERVATION_SESSION_MAX; default 12h)")
    Duration sessionMax;

    @Option(names = "--trusted-proxy", split = ",", paramLabel = "<address|cidr>",
            defaultValue = "${env:RESERVATION_TRUSTED_PROXIES:-}",
            description = "a reverse proxy (address or CIDR range) whose X-Forwarded-For names the client; repeatable"
                    + " or comma-separated (env RESERVATION_TRUSTED_PROXIES; default none: the header is ignored)")
    List<String> trustedProxies;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new WebMain());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("reservation web: " + e.getMessage());
            LOG.debug("startup failed", e);
            return 1;
        });
        int code = cli.execute(args);
        if (code != 0 || cli.isUsageHelpRequested() || cli.isVersionHelpRequested()) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        Clock clock = Clock.systemUTC();
        StoreWiring store = inMemory ? StoreWiring.inMemory()
                : StoreWiring.mongo(Optional.ofNullable(mongoUri), Optional.ofNullable(dataDir), primaryWait,
                System.getenv(), clock);
        WebApp app;
        try {
            Injector injector = Guice.createInjector(new CoreModule(clock, BookingPolicy.DEFAULT), store.module(),
                    binder -> {
                        if (store.embeddedDefault()) { // Startup gives the demo users the demo password
                            binder.bind(DemoAccounts.class).toInstance(DemoAccounts.seeded());
                        }
                    });
            Startup.prepare(injector, store.embeddedDefault(), System.getenv());
            app = new WebApp(injector, WebSettings.DEFAULT.withPrimaryWait(primaryWait)
                    .withSessions(sessionIdle, sessionMax)
                    .withTrustedProxies(trustedProxies == null ? List.of()
                            : trustedProxies.stream().filter(s -> !s.isBlank()).toList())).start(port);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            try {
                store.close();
            } catch (Exception e) {
                LOG.warn("closing the store failed: {}", e.getMessage());
            }
        }, "web-shutdown"));
        System.out.println("Serving http://localhost:" + app.port() + " — " + store.description()
                + ". Sessions are kept in the store (any instance serves them). Ctrl-C stops.");
        return 0;
    }

    /** Reads "15s", "500ms", "2m", "12h" or ISO-8601 "PT15S". */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(java.util.Locale.ROOT);
            try {
                if (v.startsWith("pt")) {
                    return Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
                }
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                return switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> throw new CommandLine.TypeConversionException("'" + value + "' is not a duration");
                };
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration like 15s, 500ms,"
                        + " 30m, 12h or PT15S");
            }
        }
    }
}
