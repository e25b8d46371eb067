package dev.reservation.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.web.support.MutableClock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
    final MutableClock clock = MutableClock.atMonday();
    final SessionStore sessions = new SessionStore(clock, Duration.ofMinutes(30), Duration.ofHours(12));

    @Test
    void makesUnguessable256BitIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(sessions.create("u-grace"));
        }
        assertThat(ids).hasSize(1000).allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void findsALiveSessionAndRecordsItsUse() {
        String id = sessions.create("u-grace");
        clock.advance(Duration.ofMinutes(10));

        Session s = sessions.use(id).orElseThrow();

        assertThat(s.userId()).isEqualTo("u-grace");
        assertThat(s.createdAt()).isEqualTo(MutableClock.MONDAY_0800_UTC);
        assertThat(s.lastSeen()).isEqualTo(clock.instant());
    }

    @Test
    void expiresAtTheIdleLimitExactly() {
        String id = sessions.create("u-grace");
        clock.advance(Duration.ofMinutes(30).minusMillis(1));
        assertThat(sessions.use(id)).isPresent();

        clock.advance(Duration.ofMinutes(30));

        assertThat(sessions.use(id)).isEmpty();
        assertThat(sessions.size()).as("an expired session is forgotten").isZero();
    }

    @Test
    void expiresAtTheAbsoluteLimitHoweverActive() {
        String id = sessions.create("u-grace");
        for (int i = 0; i < 47; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertThat(sessions.use(id)).isPresent();
        }

        clock.advance(Duration.ofMinutes(15));

        assertThat(sessions.use(id)).isEmpty();
    }

    @Test
    void ignoresMalformedAndUnknownIds() {
        sessions.create("u-grace");

        assertThat(sessions.use(null)).isEmpty();
        assertThat(sessions.use("")).isEmpty();
        assertThat(sessions.use("x".repeat(43))).isEmpty();
        assertThat(sessions.use("../../etc/passwd")).isEmpty();
    }

    @Test
    void endsOneSessionOrAllOfAUserButTheOneKept() {
        String a = sessions.create("u-grace");
        String b = sessions.create("u-grace");
        String c = sessions.create("u-grace");
        String alan = sessions.create("u-alan");

        sessions.end(a);
        sessions.endAllOf("u-grace", c);

        assertThat(sessions.use(a)).isEmpty();
        assertThat(sessions.use(b)).isEmpty();
        assertThat(sessions.use(c)).isPresent();
        assertThat(sessions.use(alan)).isPresent();
    }

    @Test
    void dropsExpiredSessionsWhenNewOnesStart() {
        sessions.create("u-grace");
        sessions.create("u-alan");
        clock.advance(Duration.ofHours(1));

        sessions.create("u-ada");

        assertThat(sessions.size()).isEqualTo(1);
    }

    @Test
    void refusesAnIdleLimitAboveTheAbsoluteOne() {
        assertThatThrownBy(() -> new SessionStore(clock, Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
