package dev.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.web.auth.SessionCookie;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.MutableClock;
import dev.reservation.web.support.Stores;
import dev.reservation.web.support.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two app instances on one store, as behind a load balancer without sticky sessions: a session
 * made on one is honoured by the other, a restart signs nobody out, the sign-in throttle counts
 * attempts made on either, and X-Forwarded-For is believed only from a trusted proxy.
 */
class SharedWebStateTest {
    private final MutableClock clock = MutableClock.atMonday();
    private final Stores stores = Stores.inMemory(clock);
    private TestApp one = TestApp.start(stores, clock, WebSettings.DEFAULT);
    private TestApp two = TestApp.start(stores, clock, WebSettings.DEFAULT.withTrustedProxies(List.of("127.0.0.1")));

    @AfterEach
    void stop() {
        one.close();
        two.close();
    }

    @Test
    void aSessionMadeOnOneInstanceIsHonouredByTheOtherAndSurvivesARestart() {
        Http grace = one.signedIn(TestApp.GRACE);
        Http onTwo = carrying(two, grace);
        assertThat(onTwo.get("/reservations").status()).isEqualTo(200);

        one.close();
        one = TestApp.start(stores, clock, WebSettings.DEFAULT);
        assertThat(carrying(one, grace).get("/reservations").status()).as("after a restart").isEqualTo(200);
    }

    @Test
    void signingOutOnOneInstanceEndsTheSessionOnTheOtherWithinFiveSeconds() {
        Http grace = one.signedIn(TestApp.GRACE);
        Http onTwo = carrying(two, grace);
        assertThat(onTwo.get("/reservations").status()).isEqualTo(200);
        assertThat(one.signedIn(TestApp.ADMIN).postForm("/users/u-grace/deactivate", Map.of()).status()).isEqualTo(303);
        assertThat(grace.get("/reservations").status()).as("at once where it was revoked").isEqualTo(303);
        sleep(5_100);
        assertThat(onTwo.get("/reservations").status()).as("on the other instance, within 5 s").isEqualTo(303);
    }

    @Test
    void failedSignInsOnEitherInstanceCountTowardsOneLimit() {
        for (int i = 0; i < 5; i++) {
            TestApp app = i % 2 == 0 ? one : two;
            assertThat(app.http().signIn(TestApp.GRACE, "guess-" + i).status()).isEqualTo(401);
        }
        assertThat(one.http().signIn(TestApp.GRACE, TestApp.PASSWORD).status()).isEqualTo(429);
        assertThat(two.http().signIn(TestApp.GRACE, TestApp.PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() {
        // instance one trusts nobody: every attempt comes from 127.0.0.1 whatever the header says
        for (int i = 0; i < 5; i++) {
            one.http().signIn("nobody" + i + "@example.com", "x", "X-Forwarded-For", "203.0.113." + i);
        }
        assertThat(one.http().signIn(TestApp.ALAN, TestApp.PASSWORD, "X-Forwarded-For", "198.51.100.7").status())
                .as("the address 127.0.0.1 is blocked, the header changes nothing").isEqualTo(429);
        // instance two trusts 127.0.0.1: the client is the forwarded address, a fresh one
        assertThat(two.http().signIn(TestApp.ALAN, TestApp.PASSWORD, "X-Forwarded-For", "198.51.100.7").status())
                .isEqualTo(303);
    }

    /** A client of {@code app} holding the session cookie {@code browser} got elsewhere (as a load balancer sends it on). */
    private static Http carrying(TestApp app, Http browser) {
        Http client = app.http();
        client.setCookie(SessionCookie.NAME, browser.cookie(SessionCookie.NAME));
        return client;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
