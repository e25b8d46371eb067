package dev.reservation.core.memory;

import dev.reservation.core.auth.CredentialStore;
import dev.reservation.core.auth.PasswordHash;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Password hashes in memory. Thread-safe. */
public final class InMemoryCredentialStore implements CredentialStore {
    private final ConcurrentHashMap<String, PasswordHash> byUser = new ConcurrentHashMap<>();

    @Override
    public void put(String userId, PasswordHash hash) {
        byUser.put(userId, hash);
    }

    @Override
    public Optional<PasswordHash> find(String userId) {
        return Optional.ofNullable(byUser.get(userId));
    }
}
