package dev.reservation.core.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: failed sign-ins per key (an account, a client address), counted in the store so that the
 * limit holds across app instances and CLI runs. Thread-safe; failures as in
 * {@link dev.reservation.core.store.UserStore}.
 */
public interface SignInAttemptStore {
    /** The failures counted for a key since {@code firstAt}. */
    record Failures(Instant firstAt, int count) {
    }

    /**
     * Counts one failure at {@code now}, atomically: a count whose {@code firstAt} is older than
     * {@code window} starts again at one.
     *
     * @return the count after this failure
     */
    Failures recordFailure(String key, Instant now, Duration window);

    Optional<Failures> find(String key);

    void clear(String key);
}
