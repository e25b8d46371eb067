package dev.reservation.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.auth.SessionStore.StoredSession;
import dev.reservation.core.memory.InMemorySessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sessions over a shared store: expiry, revocation, and what a second app instance sees. */
class SessionsTest {
    static final Instant MONDAY_0800_UTC = Instant.parse("2026-03-02T08:00:00Z");
    final TestClock clock = new TestClock();
    final InMemorySessionStore store = new InMemorySessionStore();
    final AtomicLong nanos = new AtomicLong();
    final Sessions sessions = instance();

    /** Another app instance on the same store (its own cache). */
    Sessions instance() {
        return new Sessions(store, clock, Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofSeconds(5), nanos::get);
    }

    /** A clock a test moves; the cache's ticker moves with it. */
    final class TestClock extends Clock {
        private Instant now = MONDAY_0800_UTC;

        void advance(Duration d) {
            now = now.plus(d);
            nanos.addAndGet(d.toNanos());
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

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

        StoredSession s = sessions.use(id).orElseThrow();

        assertThat(s.userId()).isEqualTo("u-grace");
        assertThat(s.createdAt()).isEqualTo(MONDAY_0800_UTC);
        assertThat(s.lastSeen()).isEqualTo(clock.instant());
    }

    @Test
    void expiresAtTheIdleLimitExactly() {
        String id = sessions.create("u-grace");
        clock.advance(Duration.ofMinutes(30).minusMillis(1));
        assertThat(sessions.use(id)).isPresent();

        clock.advance(Duration.ofMinutes(30));

        assertThat(sessions.use(id)).isEmpty();
        assertThat(store.size()).as("an expired session is forgotten").isZero();
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

        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void refusesAnIdleLimitAboveTheAbsoluteOne() {
        assertThatThrownBy(() -> new Sessions(store, clock, Duration.ofHours(2), Duration.ofHours(1), Duration.ofSeconds(5),
                nanos::get)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherInstanceServesTheSessionSoLosingOneSignsNobodyOut() {
        String id = sessions.create("u-grace");
        Sessions other = instance();
        clock.advance(Duration.ofMinutes(20));
        assertThat(other.use(id)).map(StoredSession::userId).contains("u-grace");
        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.use(id)).as("the other instance's use counts here too").isPresent();
    }

    @Test
    void revokingIsImmediateHereAndWithinTheCacheBoundOnOtherInstances() {
        String id = sessions.create("u-grace");
        Sessions other = instance();
        assertThat(other.use(id)).isPresent();

        sessions.endAllOf("u-grace", null);

        assertThat(sessions.use(id)).as("on the instance that revoked").isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(other.use(id)).as("on another instance, once its cache entry is 5 s old").isEmpty();
    }

    @Test
    void storesOnlyADigestOfTheId() {
        String id = sessions.create("u-grace");
        assertThat(store.find(id)).isEmpty();
        assertThat(store.find(Sessions.digest(id))).isPresent();
    }

    @Test
    void writesAUseToTheStoreAtMostOncePerMinute() {
        String id = sessions.create("u-grace");
        clock.advance(Duration.ofSeconds(30));
        sessions.use(id);
        assertThat(store.find(Sessions.digest(id)).orElseThrow().lastSeen()).isEqualTo(MONDAY_0800_UTC);
        clock.advance(Duration.ofSeconds(31));
        sessions.use(id);
        assertThat(store.find(Sessions.digest(id)).orElseThrow().lastSeen()).isEqualTo(clock.instant());
    }
}
