package dev.reservation.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed sign-ins per key (an account's email, a client address): after
 * {@code allowedFailures} failures within {@code window}, the key is blocked until the window
 * since the first of them has passed. A success clears the account's count. Counts live in this
 * process: with several app instances each limits on its own (stated, not hidden). Thread-safe.
 */
public final class SignInThrottle {
    private record Failures(Instant first, int count) {
    }

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int allowedFailures;
    private final Duration window;

    public SignInThrottle(Clock clock, int allowedFailures, Duration window) {
        this.clock = clock;
        this.allowedFailures = allowedFailures;
        this.window = window;
    }

    public static SignInThrottle defaults(Clock clock) {
        return new SignInThrottle(clock, 5, Duration.ofMinutes(15));
    }

    /** How long the key stays blocked, if it is blocked now. */
    public Optional<Duration> blockedFor(String key) {
        Failures f = failures.get(key);
        if (f == null || f.count() < allowedFailures) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), f.first().plus(window));
        if (left.isNegative() || left.isZero()) {
            failures.remove(key, f);
            return Optional.empty();
        }
        return Optional.of(left);
    }

    public void recordFailure(String key) {
        Instant now = clock.instant();
        failures.merge(key, new Failures(now, 1), (old, one) -> old.first().plus(window).isBefore(now)
                ? one : new Failures(old.first(), old.count() + 1));
    }

    public void recordSuccess(String key) {
        failures.remove(key);
    }
}
