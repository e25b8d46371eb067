package dev.reservation.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits failed sign-ins per key (an account's email, a client address): after
 * {@code allowedFailures} failures within {@code window}, the key is blocked until the window
 * since the first of them has passed. A success clears the account's count. The counts live in the
 * {@link SignInAttemptStore}, so the limit holds across app instances and CLI processes on one
 * store. Thread-safe.
 */
public final class SignInThrottle {
    private final SignInAttemptStore attempts;
    private final Clock clock;
    private final int allowedFailures;
    private final Duration window;

    public SignInThrottle(SignInAttemptStore attempts, Clock clock, int allowedFailures, Duration window) {
        if (allowedFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need at least one allowed failure and a positive window");
        }
        this.attempts = attempts;
        this.clock = clock;
        this.allowedFailures = allowedFailures;
        this.window = window;
    }

    /** How long the key stays blocked, if it is blocked now. */
    public Optional<Duration> blockedFor(String key) {
        return attempts.find(key).filter(f -> f.count() >= allowedFailures)
                .map(f -> Duration.between(clock.instant(), f.firstAt().plus(window)))
                .filter(left -> !left.isNegative() && !left.isZero());
    }

    public void recordFailure(String key) {
        attempts.recordFailure(key, clock.instant(), window);
    }

    public void recordSuccess(String key) {
        attempts.clear(key);
    }
}
