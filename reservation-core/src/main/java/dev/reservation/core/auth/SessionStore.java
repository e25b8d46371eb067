package dev.reservation.core.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: signed-in sessions, shared by every app instance on one store. Only a digest of each
 * session id is stored, never the id. A session is gone once {@code expiresAt} has passed (a store
 * may delete it then, e.g. with a TTL index; readers check it as well). Thread-safe; failures as
 * in {@link dev.reservation.core.store.UserStore}.
 */
public interface SessionStore {
    /** One session: whose, created when, last used when, and when it expires (idle or absolute, whichever is first). */
    record StoredSession(String digest, String userId, Instant createdAt, Instant lastSeen, Instant expiresAt) {
    }

    void insert(StoredSession session);

    Optional<StoredSession> find(String digest);

    /** Records a use: a new {@code lastSeen} and the {@code expiresAt} it gives. */
    void touch(String digest, Instant lastSeen, Instant expiresAt);

    void delete(String digest);

    /** Deletes every session of the user except the one with {@code keepDigest} (may be null). */
    void deleteAllOf(String userId, String keepDigest);
}
