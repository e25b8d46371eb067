package dev.reservation.core.memory;

import dev.reservation.core.auth.SessionStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions in a map (expired ones dropped when they are met, and on every insert). Thread-safe. */
public final class InMemorySessionStore implements SessionStore {
    private final ConcurrentHashMap<String, StoredSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void insert(StoredSession session) {
        Instant now = session.createdAt();
        sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()));
        sessions.put(session.digest(), session);
    }

    @Override
    public Optional<StoredSession> find(String digest) {
        return Optional.ofNullable(sessions.get(digest));
    }

    @Override
    public void touch(String digest, Instant lastSeen, Instant expiresAt) {
        sessions.computeIfPresent(digest, (k, s) -> new StoredSession(s.digest(), s.userId(), s.createdAt(), lastSeen,
                expiresAt));
    }

    @Override
    public void delete(String digest) {
        sessions.remove(digest);
    }

    @Override
    public void deleteAllOf(String userId, String keepDigest) {
        sessions.values().removeIf(s -> s.userId().equals(userId) && !Objects.equals(s.digest(), keepDigest));
    }

    public int size() {
        return sessions.size();
    }
}
