package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.MutableClock;
import dev.reservation.web.support.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app as {@code bin/reservation web} runs it by default: on the embedded Mongo server in a
 * data directory, seeded with the demo passwords at startup (as {@link Startup} does on the
 * embedded default). Two app instances, each with its own Mongo client on the same data directory
 * (the second attaches to the first's server), share one store, its users and their passwords.
 */
class EmbeddedMongoIT {
    Path dataDir;
    final List<AutoCloseable> open = new ArrayList<>();
    final MutableClock clock = MutableClock.atMonday();

    @BeforeEach
    void dataDir() throws Exception {
        dataDir = Files.createTempDirectory("web-embedded");
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    Http startInstance() {
        StoreWiring store = StoreWiring.mongo(Optional.empty(), Optional.of(dataDir), Duration.ofSeconds(15), Map.of(),
                clock);
        open.add(store);
        Injector injector = TestApp.injector(clock, store.module());
        assertThat(store.embeddedDefault()).isTrue();
        Startup.prepare(injector, store.embeddedDefault(), Map.of());
        WebApp app = new WebApp(injector, WebSettings.DEFAULT).start(0);
        open.add(app::stop);
        return new Http("http://localhost:" + app.port()).withBasic(TestApp.GRACE, TestApp.PASSWORD);
    }

    @Test
    void servesTheSeedFromTheEmbeddedStoreAndSaysWhatItIs() {
        Http http = startInstance();

        assertThat(json(http.get("/api/v1/rooms"))).hasSize(10);
        assertThat(json(http.get("/api/v1/cluster")).get("kind").asText()).isEqualTo("EMBEDDED");
        assertThat(http.get("/health/ready").status()).isEqualTo(200);
        assertThat(http.signIn(TestApp.GRACE, TestApp.PASSWORD).status()).isEqualTo(303);
        assertThat(http.get("/cluster").body()).contains("A single embedded node");
    }

    @Test
    void twoInstancesOnOneEmbeddedStoreBookASlotExactlyOnce() throws Exception {
        Http a = startInstance();
        Http b = startInstance();
        int requests = 10;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Http http = i % 2 == 0 ? a : b;
                String body = booking("r-camden", "u-grace", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z",
                        "Race " + i, 2);
                answers.add(pool.submit(() -> {
                    go.await();
                    return http.postJson("/api/v1/reservations", body);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Http.Response> f : answers) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(requests - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIdempotencyKeyHoldsAcrossInstancesOnTheEmbeddedStore() {
        Http a = startInstance();
        Http b = startInstance();
        String body = booking("r-havel", "u-grace", "2026-03-02T12:00:00Z", "2026-03-02T13:00:00Z", "Once", 2);

        Http.Response first = a.postJson("/api/v1/reservations", body, "Idempotency-Key", "mongo-key");
        Http.Response retry = b.postJson("/api/v1/reservations", body, "Idempotency-Key", "mongo-key");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(json(retry).get("id")).isEqualTo(json(first).get("id"));
        assertThat(json(b.get("/api/v1/reservations?roomId=r-havel"))).hasSize(1);
    }
}
