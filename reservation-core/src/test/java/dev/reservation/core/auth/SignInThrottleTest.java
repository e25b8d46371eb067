package dev.reservation.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2030-01-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final SignInThrottle throttle = new SignInThrottle(new dev.reservation.core.memory.InMemorySignInAttemptStore(), clock, 3, Duration.ofMinutes(10));

    @Test
    void blocksAfterTheAllowedFailuresUntilTheWindowHasPassed() {
        throttle.recordFailure("ada@example.com");
        throttle.recordFailure("ada@example.com");
        assertThat(throttle.blockedFor("ada@example.com")).isEmpty();
        clock.now = clock.now.plusSeconds(60);
        throttle.recordFailure("ada@example.com");
        assertThat(throttle.blockedFor("ada@example.com")).contains(Duration.ofMinutes(9));
        assertThat(throttle.blockedFor("grace@example.com")).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        assertThat(throttle.blockedFor("ada@example.com")).isEmpty();
    }

    @Test
    void aSuccessClearsTheCount() {
        throttle.recordFailure("k");
        throttle.recordFailure("k");
        throttle.recordSuccess("k");
        throttle.recordFailure("k");
        throttle.recordFailure("k");
        assertThat(throttle.blockedFor("k")).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowStartANewCount() {
        throttle.recordFailure("k");
        throttle.recordFailure("k");
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        throttle.recordFailure("k");
        assertThat(throttle.blockedFor("k")).isEmpty();
    }
}
