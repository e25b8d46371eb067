package dev.reservation.web;

import dev.reservation.web.pages.view.DemoAccounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.ops.OperationsJobs;
import dev.reservation.core.ops.OperationsService;
import dev.reservation.core.ops.RoomOperationsAdmin;
import dev.reservation.core.ops.UsageReports;
import dev.reservation.core.service.AuthService;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.RoomSearchService;
import dev.reservation.core.service.LocationService;
import dev.reservation.core.service.RoomService;
import dev.reservation.web.api.LocationApiRoutes;
import dev.reservation.web.pages.LocationRoutes;
import dev.reservation.core.service.UserService;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import dev.reservation.web.api.ApiV1Routes;
import dev.reservation.web.api.OpenApiRoutes;
import dev.reservation.web.api.TokenApiRoutes;
import dev.reservation.web.api.ReservationApiRoutes;
import dev.reservation.web.api.RoomApiRoutes;
import dev.reservation.web.api.UserApiRoutes;
import dev.reservation.web.auth.AuthGate;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.reservation.core.auth.SessionStore;
import dev.reservation.core.auth.Sessions;
import dev.reservation.web.auth.SignInMethods;
import dev.reservation.web.auth.SignOuts;
import dev.reservation.web.auth.VerifiedCredentials;
import dev.reservation.web.http.AccessLog;
import dev.reservation.web.http.ClientAddress;
import dev.reservation.web.http.Csrf;
import dev.reservation.web.booking.KeyedBookings;
import dev.reservation.web.errors.ErrorMapper;
import dev.reservation.web.http.Json;
import dev.reservation.web.http.JsonBodies;
import dev.reservation.web.http.SecurityHeaders;
import dev.reservation.core.notify.FeedTokens;
import dev.reservation.core.notify.NotificationPreferences;
import dev.reservation.web.ical.CalendarFeeds;
import dev.reservation.web.ical.FeedRoutes;
import dev.reservation.web.ical.Ics;
import dev.reservation.web.ical.IcsEvent;
import dev.reservation.web.notify.MailStatus;
import dev.reservation.web.ops.DisplayRoutes;
import dev.reservation.web.ops.OpsApiRoutes;
import dev.reservation.web.ops.OpsPages;
import dev.reservation.web.pages.AccountRoutes;
import dev.reservation.web.pages.CalendarRoutes;
import dev.reservation.web.pages.ClusterRoutes;
import dev.reservation.web.pages.HomeRoutes;
import dev.reservation.web.pages.TokenRoutes;
import dev.reservation.web.oidc.OidcProvider;
import dev.reservation.web.pages.OidcRoutes;
import dev.reservation.web.pages.Pages;
import dev.reservation.web.pages.ReservationDetailRoutes;
import dev.reservation.web.pages.ReservationRoutes;
import dev.reservation.web.pages.ReservationRows;
import dev.reservation.web.pages.ReserveForms;
import dev.reservation.web.pages.ReserveRoutes;
import dev.reservation.web.pages.RoomAdminRoutes;
import dev.reservation.web.pages.RoomFinder;
import dev.reservation.web.pages.RoomRoutes;
import dev.reservation.web.pages.SignInRoutes;
import dev.reservation.web.pages.UserAdminRoutes;
import dev.reservation.web.pages.UserRoutes;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.handler.GracefulHandler;
import com.google.inject.Key;

/**
 * The web app: pages, JSON API and health checks over the core services found in an
 * {@link Injector} (core module plus any store module). Pages need a signed-in session, the API
 * HTTP Basic ({@link AuthGate}); sessions live in the store, shared by every instance. People sign
 * in with a local password, through an OpenID provider, or either ({@link SignInMethods}).
 * {@link #stop()} is graceful: the server stops accepting, lets requests in flight finish (up to
 * {@link WebSettings#shutdownGrace()}), then stops. Start once; thread-safe.
 */
public final class WebApp {
    /** How long another instance may still honour a session this instance revoked. */
    static final java.time.Duration SESSION_CACHE = java.time.Duration.ofSeconds(5);
    /**
     * How often this instance runs the room-operations jobs (expiry, auto-release, quota settling):
     * system property {@code reservation.opsJobInterval} (ISO-8601, e.g. PT30S; PT0S runs none), 30 s by default.
     */
    static final java.time.Duration OPS_JOB_INTERVAL = java.time.Duration.parse(
            System.getProperty("reservation.opsJobInterval", "PT30S"));
    private final Javalin javalin;
    private final OperationsJobs jobs;
    private final dev.reservation.core.series.SeriesJobs seriesJobs;

    public WebApp(Injector injector, WebSettings settings) {
        this(injector, settings, SignInMethods.PASSWORDS);
    }

    public WebApp(Injector injector, WebSettings settings, SignInMethods signIn) {
        Clock clock = injector.getInstance(Clock.class);
        UserService users = injector.getInstance(UserService.class);
        RoomService rooms = injector.getInstance(RoomService.class);
        LocationService locations = injector.getInstance(LocationService.class);
        ReservationService reservations = injector.getInstance(ReservationService.class);
        RoomSearchService search = injector.getInstance(RoomSearchService.class);
        ClusterInspector cluster = injector.getInstance(ClusterInspector.class);
        RoomStore roomStore = injector.getInstance(RoomStore.class);
        AuthService auth = injector.getInstance(AuthService.class);
        ObjectMapper mapper = Json.mapper();
        JsonBodies bodies = new JsonBodies(mapper);
        Sessions sessions = new Sessions(injector.getInstance(SessionStore.class), clock, settings.sessionIdle(),
                settings.sessionMax(), SESSION_CACHE, Ticker.systemTicker());
        VerifiedCredentials verified = new VerifiedCredentials(clock, VerifiedCredentials.DEFAULT_TTL);
        SignOuts signOuts = new SignOuts(sessions, verified);
        dev.reservation.core.service.ApiTokens apiTokens = injector.getInstance(dev.reservation.core.service.ApiTokens.class);
        AuthGate gate = new AuthGate(users, auth, sessions, verified, signIn.localPasswords(), apiTokens,
                settings.apiBasic());
        Pages pages = new Pages(signIn.localPasswords(),
                injector.getExistingBinding(Key.get(DemoAccounts.class)) == null
                        ? DemoAccounts.NONE : injector.getInstance(DemoAccounts.class));
        Optional<OidcRoutes> oidc = signIn.oidc().map(provider -> new OidcRoutes(pages, provider, auth, sessions, clock,
                settings.sessionMax()));
        SecurityHeaders headers = new SecurityHeaders(signIn.oidc().flatMap(OidcProvider::endSessionOrigin).stream()
                .toList());
        ErrorMapper errors = new ErrorMapper((int) settings.retryAfter().toSeconds(), settings.maxRequestBytes(), id -> {
            try {
                return roomStore.findById(id).orElse(null);
            } catch (ReservationException e) {
                return (Room) null;
            }
        }, pages);
        KeyedBookings bookings = new KeyedBookings(reservations);
        RoomFinder finder = new RoomFinder(rooms, search, clock, locations);
        ReservationRows rows = new ReservationRows(rooms, users);
        OperationsService operations = injector.getInstance(OperationsService.class);
        RoomOperationsAdmin opsAdmin = injector.getInstance(RoomOperationsAdmin.class);
        UsageReports usage = injector.getInstance(UsageReports.class);
        this.jobs = injector.getInstance(OperationsJobs.class);
        this.seriesJobs = injector.getInstance(dev.reservation.core.series.SeriesJobs.class);
        dev.reservation.core.series.SeriesService series = injector.getInstance(
                dev.reservation.core.series.SeriesService.class);
        this.javalin = Javalin.create(config -> {
            configureServer(config, settings, mapper);
            ClientAddress clients = new ClientAddress(settings.trustedProxies());
            config.routes.before(clients::remember);
            config.routes.before(headers::apply);
            config.routes.before(Csrf::guard);
            config.routes.before(gate::before);
            errors.register(config.routes);
            new HealthRoutes(injector.getInstance(UserStore.class), cluster).register(config.routes);
            new OpenApiRoutes().register(config.routes);
            new ApiV1Routes(users, rooms, search, cluster, clock).register(config.routes);
            new UserApiRoutes(users, bodies, signOuts).register(config.routes);
            new TokenApiRoutes(apiTokens, bodies).register(config.routes);
            new dev.reservation.web.api.WebhookApiRoutes(injector.getInstance(dev.reservation.core.hooks.Webhooks.class),
                    bodies, webhookSetup(injector).on()).register(config.routes);
            new RoomApiRoutes(rooms, bodies).register(config.routes);
            new LocationApiRoutes(locations, bodies).register(config.routes);
            new ReservationApiRoutes(bookings, reservations, rooms, bodies).register(config.routes);
            new dev.reservation.web.api.SeriesApiRoutes(series, rooms, bodies).register(config.routes);
            new SignInRoutes(pages, auth, sessions, signIn.localPasswords(), oidc).register(config.routes);
            oidc.ifPresent(o -> o.register(config.routes));
            new AccountRoutes(pages, auth, users, signOuts, injector.getInstance(NotificationPreferences.class),
                    mailStatus(injector)).register(config.routes);
            new TokenRoutes(pages, apiTokens).register(config.routes);
            new HomeRoutes(pages, cluster, finder).register(config.routes);
            new UserRoutes(pages, users).register(config.routes);
            new UserAdminRoutes(pages, users, signOuts).register(config.routes);
            new RoomAdminRoutes(pages, rooms, finder, locations).register(config.routes); // before /rooms/{id}
            new LocationRoutes(pages, locations, rooms).register(config.routes);
            new RoomRoutes(pages, rooms, reservations, finder, clock).register(config.routes);
            new ReservationRoutes(pages, reservations, rooms, users, rows).register(config.routes);
            new ReservationDetailRoutes(pages, reservations, rooms, users, rows).register(config.routes);
            new ReserveRoutes(pages, bookings, new ReserveForms(rooms), rooms, users, rows, errors, series)
                    .register(config.routes);
            new dev.reservation.web.pages.SeriesRoutes(pages, series, rooms).register(config.routes);
            new ClusterRoutes(pages, cluster, clock, settings.primaryWait()).register(config.routes);
            registerCalendars(config, injector, pages, reservations, rooms, users, clock);
            // room operations: approval, check-in, quotas, usage reports, door displays
            new OpsApiRoutes(operations, opsAdmin, usage, rooms, bodies).register(config.routes);
            new OpsPages(pages, operations, opsAdmin, usage, rooms, users, clock).register(config.routes);
            new DisplayRoutes(operations, pages, errors).register(config.routes);
        });
    }

    /** Calendar feeds (read with a feed token, no session) and the account's Calendar page. */
    private static void registerCalendars(JavalinConfig config, Injector injector, Pages pages,
                                          ReservationService reservations, RoomService rooms, UserService users,
                                          Clock clock) {
        FeedTokens tokens = injector.getInstance(FeedTokens.class);
        MailStatus mail = mailStatus(injector);
        new FeedRoutes(new CalendarFeeds(tokens, reservations, rooms, users, new Ics(), clock, IcsEvent.UID_DOMAIN))
                .register(config.routes);
        new CalendarRoutes(pages, tokens, injector.getInstance(NotificationPreferences.class), rooms, mail)
                .register(config.routes);
    }

    /** Whether this app delivers webhooks: bound by the notification setup, off without one. */
    private static dev.reservation.web.hooks.WebhookSetup webhookSetup(Injector injector) {
        var binding = injector.getExistingBinding(com.google.inject.Key.get(dev.reservation.web.hooks.WebhookSetup.class));
        return binding == null ? dev.reservation.web.hooks.WebhookSetup.OFF : binding.getProvider().get();
    }

    /** Whether this app sends e-mail: bound by the notification setup, off without one. */
    private static MailStatus mailStatus(Injector injector) {
        var binding = injector.getExistingBinding(com.google.inject.Key.get(MailStatus.class));
        return binding == null ? MailStatus.OFF : binding.getProvider().get();
    }

    /** Where the org.webjars:swagger-ui jar keeps its files, by the version its pom.properties names. */
    static Optional<String> swaggerUiDirectory() {
        try (java.io.InputStream in = WebApp.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return Optional.ofNullable(p.getProperty("version")).map(v -> "/META-INF/resources/webjars/swagger-ui/" + v);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static void configureServer(JavalinConfig config, WebSettings settings, ObjectMapper mapper) {
        config.http.generateEtags = true; // conditional GET: 304 when the body a poller would get is unchanged
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = settings.maxRequestBytes();
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.staticFiles.add(files -> {
            files.hostedPath = "/assets";
            files.directory = "/public";
            files.location = Location.CLASSPATH;
        });
        // Swagger UI for the API reference page (/assets/api-reference.html), from its webjar
        swaggerUiDirectory().ifPresent(directory -> config.staticFiles.add(files -> {
            files.hostedPath = "/assets/swagger-ui";
            files.directory = directory;
            files.location = Location.CLASSPATH;
        }));
        config.requestLogger.http(AccessLog::log);
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(settings.shutdownGrace().toMillis());
            server.insertHandler(new GracefulHandler());
        });
    }

    /** Starts serving on {@code port} (0 picks a free one); returns this. */
    public WebApp start(int port) {
        javalin.start(port);
        jobs.start(OPS_JOB_INTERVAL);
        seriesJobs.start(OPS_JOB_INTERVAL);
        return this;
    }

    /** The series jobs of this instance: the sweeper and the extension job (tests run them with {@code runOnce()}). */
    public dev.reservation.core.series.SeriesJobs seriesJobs() {
        return seriesJobs;
    }

    /** The room-operations jobs of this instance (tests run them by hand with {@code runOnce()}). */
    public OperationsJobs operationsJobs() {
        return jobs;
    }

    /**
     * Every HTTP route this app serves, as {@code "GET /api/v1/rooms/{id}"}: the contract test holds
     * the {@code /api/v1} ones to the OpenAPI document, so a route nobody documented fails the build.
     */
    public List<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
    }

    public int port() {
        return javalin.port();
    }

    /** Stops gracefully: requests in flight finish first. */
    public void stop() {
        jobs.close();
        seriesJobs.close();
        javalin.stop();
    }
}
