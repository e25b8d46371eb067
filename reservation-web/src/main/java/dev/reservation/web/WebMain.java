package dev.reservation.web;

import dev.reservation.core.text.DurationText;
import dev.reservation.web.pages.view.DemoAccounts;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.nimbusds.oauth2.sdk.auth.Secret;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.wiring.CoreModule;
import dev.reservation.web.auth.SignInMethods;
import dev.reservation.web.oidc.OidcProvider;
import dev.reservation.web.oidc.OidcSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import dev.reservation.web.notify.NotificationJobs;
import dev.reservation.web.notify.NotificationSetup;
import dev.reservation.web.notify.SmtpSettings;
import java.util.List;
import java.util.Locale;
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
 * ({@link Startup}). Sign-in with an OpenID provider is configured by the {@code --oidc-*} options
 * or their environment variables, the client secret only by {@value #OIDC_SECRET} (an option's
 * value would show in {@code ps}); the provider is discovered before the store is opened. A
 * startup failure prints one line and exits 1; Ctrl-C stops gracefully. Not thread-safe: picocli
 * fills one instance per run.
 */
@Command(name = "reservation web", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serves the meeting-room reservation web app and its JSON API (/api/v1).")
public final class WebMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(WebMain.class);
    static final String OIDC_SECRET = "RESERVATION_OIDC_CLIENT_SECRET";

    /** Where the client secret is read from; tests replace it. */
    Map<String, String> env = System.getenv();

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

    @Option(names = "--oidc-issuer", paramLabel = "<url>", defaultValue = "${env:RESERVATION_OIDC_ISSUER:-}",
            description = "sign in with this OpenID provider, e.g. https://login.example.com/realms/staff; its"
                    + " /.well-known/openid-configuration is read at start-up (env RESERVATION_OIDC_ISSUER;"
                    + " default none). The client secret comes only from the environment: " + OIDC_SECRET)
    String oidcIssuer;

    @Option(names = "--oidc-client-id", paramLabel = "<id>", defaultValue = "${env:RESERVATION_OIDC_CLIENT_ID:-}",
            description = "this app's client id at the provider (env RESERVATION_OIDC_CLIENT_ID)")
    String oidcClientId;

    @Option(names = "--oidc-name", paramLabel = "<name>", defaultValue = "${env:RESERVATION_OIDC_NAME:-}",
            description = "shown as \"Sign in with <name>\" (env RESERVATION_OIDC_NAME; default the issuer's host)")
    String oidcName;

    @Option(names = "--oidc-default-role", paramLabel = "MEMBER|ADMIN",
            defaultValue = "${env:RESERVATION_OIDC_DEFAULT_ROLE:-MEMBER}",
            description = "role of people signing in through the provider for the first time, when no role claim"
                    + " is configured (env RESERVATION_OIDC_DEFAULT_ROLE; default MEMBER)")
    String oidcDefaultRole;

    @Option(names = "--oidc-role-claim", paramLabel = "<claim>", defaultValue = "${env:RESERVATION_OIDC_ROLE_CLAIM:-}",
            description = "ID token claim with roles or groups, e.g. roles, groups or realm_access.roles; when set,"
                    + " it decides the role at every sign-in (env RESERVATION_OIDC_ROLE_CLAIM; default none)")
    String oidcRoleClaim;

    @Option(names = "--oidc-admin-value", paramLabel = "<value>",
            defaultValue = "${env:RESERVATION_OIDC_ADMIN_VALUE:-}",
            description = "the role claim's value that means ADMIN; everyone else is a MEMBER"
                    + " (env RESERVATION_OIDC_ADMIN_VALUE)")
    String oidcAdminValue;

    @Option(names = "--public-url", paramLabel = "<url>", defaultValue = "${env:RESERVATION_PUBLIC_URL:-}",
            description = "this app's origin as browsers see it, e.g. https://rooms.example.com; the OIDC redirect"
                    + " URI is <url>/oidc/callback (env RESERVATION_PUBLIC_URL; default from each request's Host)")
    String publicUrl;

    @Option(names = "--local-passwords", paramLabel = "on|off", converter = OnOff.class, arity = "1",
            defaultValue = "${env:RESERVATION_LOCAL_PASSWORDS:-on}",
            description = "off: no password sign-in, no HTTP Basic for the API; needs --oidc-issuer"
                    + " (env RESERVATION_LOCAL_PASSWORDS; default on)")
    boolean localPasswords;

    @Option(names = "--api-basic", paramLabel = "on|off", converter = OnOff.class, arity = "1",
            defaultValue = "${env:RESERVATION_API_BASIC:-on}",
            description = "off: the API refuses HTTP Basic (email and password) and takes only personal API tokens"
                    + " (Authorization: Bearer) (env RESERVATION_API_BASIC; default on)")
    boolean apiBasic;

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

    @Option(names = "--webhooks", paramLabel = "on|off", converter = OnOff.class, arity = "1",
            defaultValue = "${env:RESERVATION_WEBHOOKS:-on}",
            description = "on: changes are recorded for webhook subscriptions and this instance delivers them;"
                    + " costs nothing while nobody subscribes (env RESERVATION_WEBHOOKS; default on)")
    boolean webhooks;

    @Option(names = "--webhooks-allow-private", paramLabel = "on|off", converter = OnOff.class, arity = "1",
            defaultValue = "${env:RESERVATION_WEBHOOKS_ALLOW_PRIVATE:-off}",
            description = "on: webhooks may go to this machine and to private, link-local and CGNAT addresses"
                    + " (receivers on your own network); off refuses them, against request forgery"
                    + " (env RESERVATION_WEBHOOKS_ALLOW_PRIVATE; default off)")
    boolean webhooksAllowPrivate;

    @Option(names = "--webhooks-allow-http", paramLabel = "on|off", converter = OnOff.class, arity = "1",
            defaultValue = "${env:RESERVATION_WEBHOOKS_ALLOW_HTTP:-off}",
            description = "on: webhook URLs may be plain http:// (env RESERVATION_WEBHOOKS_ALLOW_HTTP; default off:"
                    + " https only)")
    boolean webhooksAllowHttp;

    /** The e-mail notifications and webhooks of this run, from the flags and the environment. */
    NotificationSetup notifications(Map<String, String> env) {
        dev.reservation.web.hooks.WebhookSetup hooks = webhooks
                ? dev.reservation.web.hooks.WebhookSetup.DEFAULT.withPolicy(
                        new dev.reservation.core.hooks.UrlPolicy(webhooksAllowHttp, webhooksAllowPrivate))
                : dev.reservation.web.hooks.WebhookSetup.OFF;
        return new NotificationSetup(SmtpSettings.resolve(Optional.ofNullable(smtpHost), Optional.ofNullable(smtpPort),
                Optional.ofNullable(smtpStartTls), Optional.ofNullable(smtpUser), Optional.ofNullable(smtpFrom), env),
                NotificationSetup.Timing.DEFAULT, hooks);
    }

    public static void main(String[] args) {
        CommandLine cli = commandLine(new WebMain());
        int code = cli.execute(args);
        if (code != 0 || cli.isUsageHelpRequested() || cli.isVersionHelpRequested()) {
            System.exit(code);
        }
    }

    /** The command line with its one-line failure report (no stack trace), as {@link #main} runs it. */
    static CommandLine commandLine(WebMain main) {
        CommandLine cli = new CommandLine(main);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("reservation web: " + e.getMessage());
            LOG.debug("startup failed", e);
            return 1;
        });
        return cli;
    }

    /** The OIDC settings the options and environment give; empty when no issuer is configured. */
    Optional<OidcSettings> oidcSettings() {
        String issuer = blankToNull(oidcIssuer);
        if (issuer == null) {
            if (blankToNull(oidcClientId) != null || blankToNull(oidcRoleClaim) != null) {
                throw new IllegalArgumentException("OIDC options are set but no issuer: add --oidc-issuer (or"
                        + " RESERVATION_OIDC_ISSUER)");
            }
            return Optional.empty();
        }
        String secret = env.get(OIDC_SECRET);
        String url = blankToNull(publicUrl);
        return Optional.of(new OidcSettings(OidcSettings.uri(issuer, "the OIDC issuer"), oidcClientId,
                secret == null || secret.isEmpty() ? null : new Secret(secret), blankToNull(oidcName),
                OidcSettings.role(oidcDefaultRole), oidcRoleClaim, oidcAdminValue,
                url == null ? null : OidcSettings.uri(url, "the public URL")));
    }

    /** How people sign in; discovers the provider (over the network) when one is configured. */
    SignInMethods signInMethods() {
        Optional<OidcSettings> oidc = oidcSettings();
        if (!localPasswords && oidc.isEmpty()) {
            throw new IllegalArgumentException("--local-passwords off needs an OpenID provider (--oidc-issuer),"
                    + " or nobody could sign in");
        }
        return new SignInMethods(localPasswords, oidc.map(OidcProvider::discover));
    }

    @Override
    public Integer call() throws Exception {
        Clock clock = Clock.systemUTC();
        SignInMethods signIn = signInMethods(); // before the store opens: a wrong issuer fails fast, touching nothing
        NotificationSetup notifications = notifications(env); // likewise a bad SMTP setting
        StoreWiring store = inMemory ? StoreWiring.inMemory()
                : StoreWiring.mongo(Optional.ofNullable(mongoUri), Optional.ofNullable(dataDir), primaryWait,
                System.getenv(), clock);
        WebApp app;
        Optional<NotificationJobs> jobs;
        try {
            Injector injector = Guice.createInjector(new CoreModule(clock, BookingPolicy.DEFAULT), store.module(),
                    binder -> {
                        if (store.embeddedDefault()) { // Startup gives the demo users the demo password
                            binder.bind(DemoAccounts.class).toInstance(DemoAccounts.seeded());
                        }
                    },
                    notifications.module());
            Startup.prepare(injector, store.embeddedDefault(), System.getenv());
            jobs = notifications.start(injector);
            app = new WebApp(injector, WebSettings.DEFAULT.withPrimaryWait(primaryWait)
                    .withSessions(sessionIdle, sessionMax)
                    .withTrustedProxies(trustedProxies == null ? List.of()
                            : trustedProxies.stream().filter(s -> !s.isBlank()).toList())
                    .withApiBasic(apiBasic), signIn).start(port);
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
                + ". Sessions are kept in the store (any instance serves them). Sign-in: "
                + describe(signIn) + ". Ctrl-C stops.");
        System.out.println(notificationLine(notifications.status(), store.embeddedDefault() && !inMemory));
        System.out.println("Webhooks: " + notifications.webhooks().describe() + ".");
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

    private static String describe(SignInMethods signIn) {
        String provider = signIn.oidc().map(p -> "with " + p.name()).orElse(null);
        if (!signIn.localPasswords()) {
            return provider + " only (local passwords and the API's HTTP Basic are off)";
        }
        return provider == null ? "local passwords" : "local passwords or " + provider;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Reads on/off (also true/false, yes/no). */
    static final class OnOff implements CommandLine.ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "on", "true", "yes" -> true;
                case "off", "false", "no" -> false;
                default -> throw new CommandLine.TypeConversionException("'" + value + "' is not on or off");
            };
        }
    }

    /** Reads durations with the core's {@link DurationText}: "15s", "500ms", "2m", "12h", "1h30m" or ISO-8601 "PT15S". */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return DurationText.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
