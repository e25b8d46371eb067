package dev.reservation.web;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.wiring.CoreModule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import dev.reservation.web.notify.NotificationJobs;
import dev.reservation.web.notify.NotificationSetup;
import dev.reservation.web.notify.SmtpSettings;
import java.util.List;
import java.util.Map;
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

    @Option(names = "--smtp-host", paramLabel = "<host>", description = "SMTP server for e-mail notifications"
            + " (env RESERVATION_SMTP_HOST; default none: notifications are off)")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "<port>", description = "SMTP port (env RESERVATION_SMTP_PORT; default 587)")
    Integer smtpPort;

    @Option(names = "--smtp-starttls", paramLabel = "<true|false>", arity = "1",
            description = "require STARTTLS (env RESERVATION_SMTP_STARTTLS; default true, except on port 25)")
    Boolean smtpStartTls;

    @Option(names = "--smtp-user", paramLabel = "<user>", description = "SMTP login (env RESERVATION_SMTP_USER;"
            + " the password only from env RESERVATION_SMTP_PASSWORD)")
    String smtpUser;

    @Option(names = "--smtp-from", paramLabel = "<address>", description = "From address of notification e-mail"
            + " (env RESERVATION_SMTP_FROM; default reservations@<smtp host>)")
    String smtpFrom;

    /** The e-mail notifications of this run, from the flags and the environment. */
    NotificationSetup notifications(Map<String, String> env) {
        return new NotificationSetup(SmtpSettings.resolve(Optional.ofNullable(smtpHost), Optional.ofNullable(smtpPort),
                Optional.ofNullable(smtpStartTls), Optional.ofNullable(smtpUser), Optional.ofNullable(smtpFrom), env),
                NotificationSetup.Timing.DEFAULT);
    }

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
        NotificationSetup notifications = notifications(System.getenv());
        Optional<NotificationJobs> jobs;
        try {
            Injector injector = Guice.createInjector(new CoreModule(clock, BookingPolicy.DEFAULT), store.module(),
                    notifications.module());
            Startup.prepare(injector, store.embeddedDefault(), System.getenv());
            jobs = notifications.start(injector);
            app = new WebApp(injector, WebSettings.DEFAULT.withPrimaryWait(primaryWait)
                    .withSessions(sessionIdle, sessionMax)
                    .withTrustedProxies(trustedProxies == null ? List.of()
                            : trustedProxies.stream().filter(s -> !s.isBlank()).toList())).start(port);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            jobs.ifPresent(NotificationJobs::close);
            app.stop();
            try {
                store.close();
            } catch (Exception e) {
                LOG.warn("closing the store failed: {}", e.getMessage());
            }
        }, "web-shutdown"));
        System.out.println("Serving http://localhost:" + app.port() + " — " + store.description()
                + ". Sessions are kept in the store (any instance serves them). Ctrl-C stops.");
        System.out.println(notificationLine(notifications.status(), store.embeddedDefault()));
        return 0;
    }

    /** The one startup line about e-mail notifications. */
    static String notificationLine(dev.reservation.web.notify.MailStatus status, boolean embeddedDefault) {
        if (status.enabled()) {
            return "Notifications: " + status.description() + "; calendar feeds at /ical/.";
        }
        return "Notifications: " + status.description() + (embeddedDefault
                ? "; off by default on the embedded store. Calendar feeds at /ical/ work regardless."
                : ". Calendar feeds at /ical/ work regardless.");
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
