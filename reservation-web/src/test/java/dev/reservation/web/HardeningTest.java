package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.assertNoInternals;
import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.reservation.web.http.AccessLog;
import dev.reservation.web.support.FaultyReservationStore.Mode;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.MutableClock;
import dev.reservation.web.support.Stores;
import dev.reservation.web.support.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Headers, limits, logging and shutdown: what holds for every request, whatever it asks. */
class HardeningTest {
    TestApp app;
    Http http;

    @BeforeEach
    void start() {
        app = TestApp.start();
        http = app.signedIn(TestApp.ADMIN);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void sendsSecurityHeadersOnPagesApiAssetsAndErrors() {
        Http anonymous = app.http();
        for (String path : List.of("/", "/api/v1/rooms", "/assets/app.css", "/nowhere", "/api/v1/reservations/x",
                "/signin", "anon:/", "anon:/api/v1/rooms")) {
            Http.Response r = path.startsWith("anon:") ? anonymous.get(path.substring(5)) : http.get(path);
            String csp = r.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("frame-ancestors 'none'").contains("default-src 'self'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).as(path).isEqualTo("same-origin");
        }
    }

    @Test
    void pagesNeedNoInlineScriptOrStyleSoTheCspHolds() {
        for (String path : List.of("/", "/rooms", "/rooms/r-spree", "/reservations", "/reserve", "/users", "/cluster",
                "/account", "/account/tokens", "/users/new", "/users/u-grace/edit", "/rooms/new", "/rooms/r-spree/edit",
                "anon:/signin", "anon:/assets/api-reference.html")) {
            Http.Response r = path.startsWith("anon:") ? app.http().get(path.substring(5)) : http.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            String body = r.body();
            assertThat(body).as(path).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain(" style=")
                    .doesNotContain("<style").doesNotContain(" onclick=")
                    // no asset from another origin (a CDN): every src and href is the app's own
                    .doesNotContainPattern("(?:src|href)=\"(?:https?:)?//");
        }
        assertThat(http.get("/assets/app.js").header("Content-Type")).contains("javascript");
        // the API reference page's Swagger UI comes from the app itself (its webjar), not a CDN
        Http.Response bundle = app.http().get("/assets/swagger-ui/swagger-ui-bundle.js");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.header("Content-Type")).contains("javascript");
        assertThat(app.http().get("/assets/swagger-ui/swagger-ui.css").status()).isEqualTo(200);
    }

    @Test
    void refusesABodyOverTheSizeLimitWith413() {
        String huge = booking("r-spree", "u-grace", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z",
                "x".repeat(70 * 1024), 1);

        Http.Response api = http.postJson("/api/v1/reservations", huge);
        Http.Response form = http.postForm("/reserve", Map.of("title", "x".repeat(70 * 1024)));

        assertThat(api.status()).isEqualTo(413);
        assertThat(json(api).get("error").asText()).contains("at most 64 KiB");
        assertNoInternals(api);
        assertThat(form.status()).isEqualTo(413);
        assertThat(json(http.get("/api/v1/reservations"))).isEmpty();
    }

    @Test
    void writesOneAccessLogLinePerRequestWithMethodPathStatusAndTime() {
        Logger logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        logger.addAppender(lines);
        try {
            http.get("/api/v1/rooms");
            http.get("/no-such-page?secret=ada@example.com");
            http.postJson("/api/v1/reservations", "{");
        } finally {
            logger.detachAppender(lines);
            logger.setAdditive(true);
            logger.setLevel(before);
        }
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(3)
                .anySatisfy(l -> assertThat(l).matches("GET /api/v1/rooms 200 \\d+\\.\\dms"))
                .anySatisfy(l -> assertThat(l).matches("GET /no-such-page 404 \\d+\\.\\dms"))
                .anySatisfy(l -> assertThat(l).matches("POST /api/v1/reservations 400 \\d+\\.\\dms"))
                .noneSatisfy(l -> assertThat(l).contains("ada@example.com"))
                .noneSatisfy(l -> assertThat(l).containsIgnoringCase("basic"));
    }

    @Test
    void stoppingLetsARequestInFlightFinish() throws Exception {
        MutableClock clock = MutableClock.atMonday();
        Stores stores = Stores.inMemory(clock);
        TestApp slow = TestApp.start(stores, clock, WebSettings.DEFAULT.withShutdownGrace(Duration.ofSeconds(10)));
        stores.reservations().mode(Mode.BLOCK_BOOKINGS);
        Http client = slow.api(TestApp.GRACE);
        CompletableFuture<Http.Response> inFlight = CompletableFuture.supplyAsync(() -> client.postJson(
                "/api/v1/reservations", booking("r-spree", "u-grace", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z",
                        "In flight", 1)));
        assertThat(stores.reservations().awaitBlocked(10)).as("the booking reached the store").isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(slow::close);
        Thread.sleep(300);
        assertThat(stopping).as("stop waits for the request").isNotDone();
        stores.reservations().releaseBlocked();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(stores.reservations().findById(json(inFlight.get()).get("id").asText())).isPresent();
    }
}
