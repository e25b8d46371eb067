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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two app instances on ONE store race for one slot, as two signed-in users: exactly one booking
 * wins, the rest get 409.
 */
class TwoInstanceRaceTest {
    static final int REQUESTS = 16;

    @RepeatedTest(3)
    void exactlyOneOfManyRacingRequestsBooksTheSlot() throws Exception {
        MutableClock clock = MutableClock.atMonday();
        Stores shared = Stores.inMemory(clock);
        try (TestApp a = TestApp.start(shared, clock, WebSettings.DEFAULT);
             TestApp b = TestApp.start(shared, clock, WebSettings.DEFAULT)) {
            ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<Http.Response>> answers = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    String user = i % 3 == 0 ? "u-alan" : "u-grace";
                    Http http = (i % 2 == 0 ? a : b).api(i % 3 == 0 ? TestApp.ALAN : TestApp.GRACE);
                    String body = booking("r-wannsee", user, "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z",
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
                assertThat(statuses).filteredOn(s -> s == 409).hasSize(REQUESTS - 1);
                assertThat(json(a.api(TestApp.ADMIN).get("/api/v1/reservations?roomId=r-wannsee&status=CONFIRMED"))).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
