package dev.reservation.core.memory;

import dev.reservation.core.auth.SignInAttemptStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Failed sign-ins per key in a map. Thread-safe (each key updated atomically). */
public final class InMemorySignInAttemptStore implements SignInAttemptStore {
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    @Override
    public Failures recordFailure(String key, Instant now, Duration window) {
        return failures.merge(key, new Failures(now, 1), (old, one) -> old.firstAt().plus(window).isAfter(now)
                ? new Failures(old.firstAt(), old.count() + 1) : one);
    }

    @Override
    public Optional<Failures> find(String key) {
        return Optional.ofNullable(failures.get(key));
    }

    @Override
    public void clear(String key) {
        failures.remove(key);
    }
}
