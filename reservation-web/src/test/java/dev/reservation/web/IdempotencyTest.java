package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.web.support.Http;
import dev.reservation.web.support.MutableClock;
import dev.reservation.web.support.Stores;
import dev.reservation.web.support.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IdempotencyTest {
    static final String BODY = booking("r-spree", "u-grace", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "Plan", 2);

    @Test
    void returnsTheFirstOutcomeForARetryWithTheSameKey() {
        try (TestApp app = TestApp.start()) {
            Http http = app.api(TestApp.GRACE);
            Http.Response first = http.postJson("/api/v1/reservations", BODY, "Idempotency-Key", "k-1");
            Http.Response retry = http.postJson("/api/v1/reservations", BODY, "Idempotency-Key", "k-1");

            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(json(retry).get("id")).isEqualTo(json(first).get("id"));
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(json(http.get("/api/v1/reservations"))).hasSize(1);
        }
    }

    /**
     * A booking sent without a key gets one made for it, which no earlier request can carry: the
     * store is not asked for an earlier booking under it (one round trip fewer per booking). A key
     * the client sends may come back, so that booking is looked up first.
     */
    @Test
    void looksForAnEarlierBookingOnlyUnderAKeyTheClientSent() {
        try (TestApp app = TestApp.start()) {
            Http http = app.api(TestApp.GRACE);
            long before = app.stores().reservations().keyLookups();
            assertThat(http.postJson("/api/v1/reservations", BODY).status()).isEqualTo(201);
            assertThat(app.stores().reservations().keyLookups()).isEqualTo(before);

            Http.Response keyed = http.postJson("/api/v1/reservations", BODY.replace("10:00", "12:00").replace("11:00", "13:00"),
                    "Idempotency-Key", "k-own");
            assertThat(keyed.status()).isEqualTo(201);
            assertThat(app.stores().reservations().keyLookups()).isEqualTo(before + 1);
        }
    }

    @Test
    void answers422WhenTheKeyComesBackWithADifferentRequest() {
        try (TestApp app = TestApp.start()) {
            Http http = app.api(TestApp.GRACE);
            String id = json(http.postJson("/api/v1/reservations", BODY, "Idempotency-Key", "k-2")).get("id").asText();

            Http.Response other = http.postJson("/api/v1/reservations", BODY.replace("Plan", "Other plan"),
                    "Idempotency-Key", "k-2");

            assertThat(other.status()).isEqualTo(422);
            assertThat(json(other).get("reservationId").asText()).isEqualTo(id);
            assertThat(json(http.get("/api/v1/reservations"))).hasSize(1);
        }
    }

    @Test
    void theSameKeyFromAnotherUserIsAnotherBookingAndRevealsNothing() {
        try (TestApp app = TestApp.start()) {
            Http grace = app.api(TestApp.GRACE);
            Http alan = app.api(TestApp.ALAN);
            String graces = json(grace.postJson("/api/v1/reservations", BODY, "Idempotency-Key", "shared-key"))
                    .get("id").asText();
            Http.Response alans = alan.postJson("/api/v1/reservations",
                    booking("r-havel", "u-alan", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "Mine", 2),
                    "Idempotency-Key", "shared-key");
            assertThat(alans.status()).isEqualTo(201);
            assertThat(json(alans).get("id").asText()).isNotEqualTo(graces);
            assertThat(alans.body()).doesNotContain(graces);
        }
    }

    @Test
    void keepsOneReservationPerKeyAcrossTwoAppInstancesOnOneStore() throws Exception {
        MutableClock clock = MutableClock.atMonday();
        Stores shared = Stores.inMemory(clock);
        try (TestApp a = TestApp.start(shared, clock, WebSettings.DEFAULT);
             TestApp b = TestApp.start(shared, clock, WebSettings.DEFAULT)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Http.Response>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Http http = (i % 2 == 0 ? a : b).api(TestApp.GRACE);
                    Callable<Http.Response> call = () -> http.postJson("/api/v1/reservations", BODY,
                            "Idempotency-Key", "shared-key");
                    answers.add(pool.submit(call));
                }
                List<String> ids = new ArrayList<>();
                for (Future<Http.Response> f : answers) {
                    Http.Response r = f.get();
                    assertThat(r.status()).isEqualTo(201);
                    ids.add(json(r).get("id").asText());
                }
                assertThat(ids).containsOnly(ids.get(0));
                assertThat(json(b.api(TestApp.GRACE).get("/api/v1/reservations"))).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
