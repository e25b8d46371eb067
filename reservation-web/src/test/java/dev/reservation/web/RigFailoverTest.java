package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.service.AuthService;
import dev.reservation.core.service.SeedService;
import dev.reservation.rig.FailPoint;
import dev.reservation.rig.ReplicationRig;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.MutableClock;
import dev.reservation.web.support.TestApp;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The web app on the real Mongo store over the replication rig (a SIMULATION of a PSA replica
 * set): a booking that landed is never answered "503, nothing was changed", whatever error the
 * driver's retry of it met.
 */
class RigFailoverTest {
    private final ReplicationRig rig = ReplicationRig.start();
    private final MutableClock clock = MutableClock.atMonday();
    private final StoreWiring store = StoreWiring.mongo(Optional.of(rig.connectionString()), Optional.empty(),
            Duration.ofSeconds(5), Map.of(), clock);
    private final WebApp app;
    private final Http http;

    RigFailoverTest() {
        Injector injector = TestApp.injector(clock, store.module());
        injector.getInstance(SeedService.class).seedWithDemoPasswords(Actor.LOCAL_OPERATOR,
                injector.getInstance(AuthService.class));
        app = new WebApp(injector, WebSettings.DEFAULT).start(0);
        http = new Http("http://localhost:" + app.port()).withBasic(TestApp.GRACE, TestApp.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
        store.close();
        rig.close();
    }

    @Test
    void aBookingWhoseRetryMetNotWritablePrimaryIsAnsweredBookedNotUnavailable() {
        FailPoint.Armed lost = rig.arm(FailPoint.on("insert").collection("reservations").times(1)
                .closeConnectionAfterApplying());
        FailPoint.Armed refused = rig.arm(FailPoint.on("insert").collection("reservations").skip(1).times(1).error(10107));

        Http.Response r = http.postJson("/api/v1/reservations", FailoverTest.BODY, "Idempotency-Key", "rig-1");

        assertThat(lost.fired()).isEqualTo(1);
        assertThat(refused.fired()).as("the driver's retry was refused").isEqualTo(1);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = json(r).get("id").asText();
        assertThat(http.get("/api/v1/reservations/" + id).status()).isEqualTo(200);
    }
}
