package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.assertNoInternals;
import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.web.support.FaultyReservationStore.Mode;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What clients see while the store has no primary or cannot confirm a write. */
class FailoverTest {
    static final String BODY = booking("r-spree", "u-grace", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "Sync", 2);

    TestApp app;
    Http http;

    @BeforeEach
    void start() {
        app = TestApp.start();
        http = app.signedIn(TestApp.GRACE);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void answers503WithRetryAfterWhileTheStoreIsUnavailable() {
        app.stores().reservations().mode(Mode.UNAVAILABLE);

        Http.Response r = http.postJson("/api/v1/reservations", BODY);

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(json(r).get("error").asText()).contains("nothing was changed");
        assertNoInternals(r);
    }

    @Test
    void reportsAnUnknownOutcomeAsUnknownNamingTheKeyAndTheReservationId() {
        app.stores().reservations().mode(Mode.UNKNOWN_WITHOUT_APPLYING);

        Http.Response r = http.postJson("/api/v1/reservations", BODY, "Idempotency-Key", "client-key-7");

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isNotNull();
        JsonNode body = json(r);
        assertThat(body.get("outcome").asText()).isEqualTo("UNKNOWN");
        assertThat(body.get("idempotencyKey").asText()).isEqualTo("client-key-7");
        assertThat(body.get("reservationId").asText()).isNotBlank();
        assertThat(body.get("error").asText()).contains("UNKNOWN").contains("NOT been reported as failed")
                .contains("Idempotency-Key: client-key-7").contains(body.get("reservationId").asText())
                .doesNotContainIgnoringCase("failed to");
        assertNoInternals(r);
    }

    @Test
    void givesAKeyToRetryWithEvenWhenTheClientSentNone() {
        app.stores().reservations().mode(Mode.UNKNOWN_WITHOUT_APPLYING);

        JsonNode body = json(http.postJson("/api/v1/reservations", BODY));

        assertThat(body.get("idempotencyKey").asText()).startsWith("api-");
    }

    @Test
    void resolvesAnUnknownOutcomeThatDidLandIntoA201() {
        app.stores().reservations().mode(Mode.UNKNOWN_AFTER_APPLYING);

        Http.Response r = http.postJson("/api/v1/reservations", BODY, "Idempotency-Key", "landed");

        assertThat(r.status()).isEqualTo(201);
        app.stores().reservations().mode(Mode.NORMAL);
        assertThat(json(http.get("/api/v1/reservations"))).hasSize(1);
    }

    @Test
    void aRetryWithTheSameKeyAfterAnUnknownOutcomeNeverBooksTwice() {
        app.stores().reservations().mode(Mode.UNKNOWN_AFTER_APPLYING);
        http.postJson("/api/v1/reservations", BODY, "Idempotency-Key", "retry-me");
        app.stores().reservations().mode(Mode.NORMAL);

        Http.Response retry = http.postJson("/api/v1/reservations", BODY, "Idempotency-Key", "retry-me");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(json(http.get("/api/v1/reservations"))).hasSize(1);
    }

    @Test
    void theReserveFormComesBackWithTheSameKeySoSubmittingAgainIsSafe() {
        Map<String, String> form = new HashMap<>(Map.of("userId", "u-grace", "roomId", "r-spree", "date", "2026-03-02",
                "start", "11:00", "end", "12:00", "title", "Retry me", "attendees", "2", "key", "form-retry-1"));
        app.stores().reservations().mode(Mode.UNKNOWN_AFTER_APPLYING);
        app.stores().reservations().failLookups(true);

        Http.Response unknown = http.postForm("/reserve", form);

        assertThat(unknown.status()).isEqualTo(503);
        assertThat(unknown.body()).contains("could not confirm whether this booking was saved")
                .contains("value=\"form-retry-1\"").contains("value=\"Retry me\"").doesNotContain("failed.");
        app.stores().reservations().failLookups(false);
        app.stores().reservations().mode(Mode.NORMAL);
        Http.Response again = http.postForm("/reserve", form);
        assertThat(again.status()).isEqualTo(303);
        assertThat(json(http.get("/api/v1/reservations"))).hasSize(1);
    }

    @Test
    void theReserveFormKeepsItsValuesWhileTheStoreIsUnavailable() {
        app.stores().reservations().mode(Mode.UNAVAILABLE);

        Http.Response r = http.postForm("/reserve", Map.of("userId", "u-grace", "roomId", "r-spree",
                "date", "2026-03-02", "start", "11:00", "end", "12:00", "title", "Later", "attendees", "2"));

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(r.body()).contains("nothing was saved").contains("value=\"Later\"");
    }

    @Test
    void isNotReadyWithoutAPrimaryOrWithoutAnAnsweringStore() {
        app.stores().cluster().replicaSet(false);
        Http.Response noPrimary = http.get("/health/ready");
        app.stores().cluster().replicaSet(true);
        Http.Response withPrimary = http.get("/health/ready");

        assertThat(noPrimary.status()).isEqualTo(503);
        assertThat(json(noPrimary).get("reason").asText()).contains("no primary");
        assertThat(withPrimary.status()).isEqualTo(200);
        assertThat(json(withPrimary).get("primary").asText()).isEqualTo("db1:27017");
        assertThat(http.get("/health/live").status()).isEqualTo(200);
    }

    @Test
    void showsABannerOnTheClusterPageWhileThereIsNoPrimary() {
        app.stores().cluster().replicaSet(false);

        Http.Response page = http.get("/cluster");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("No primary right now").contains("db2:27017").contains("DOWN")
                .contains("ARBITER").contains("data-refresh=\"").as("no meta refresh: it cannot be paused")
                .doesNotContain("http-equiv=\"refresh\"");
    }

    @Test
    void showsAFriendlyPageWhenTheStoreIsDownForABrowser() {
        app.stores().reservations().mode(Mode.UNAVAILABLE);

        Http.Response page = http.get("/reservations");

        assertThat(page.status()).isEqualTo(503);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Temporarily unavailable").contains("retry in a few seconds");
        assertNoInternals(page);
    }
}
