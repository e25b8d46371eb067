package dev.reservation.core.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.reservation.core.auth.SessionStore.StoredSession;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signed-in sessions, stored in the {@link SessionStore} so that any app instance serves any
 * session and a restart signs nobody out. Ids are 256 random bits (base64url, 43 characters); the
 * store holds only their SHA-256 digest. A session ends after {@code idle} without use or
 * {@code absolute} after sign-in, whichever comes first; a use is written to the store at most once
 * per {@code touchEvery} (so idle expiry is exact to within that), not on every request.
 *
 * <p>A small cache keeps sessions this instance has seen for at most {@code cacheFor}: revoking
 * (sign-out, deactivation, a password change) is immediate on the instance that revokes and takes
 * at most {@code cacheFor} on the others. Thread-safe.
 */
public final class Sessions {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int ID_BYTES = 32;

    private final SessionStore store;
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;
    private final Duration touchEvery;
    private final Cache<String, StoredSession> seen;
    private final SecureRandom random = new SecureRandom();

    public Sessions(SessionStore store, Clock clock, Duration idle, Duration absolute, Duration cacheFor, Ticker ticker) {
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("need 0 < idle timeout <= absolute timeout");
        }
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.idle = idle;
        this.absolute = absolute;
        Duration tenth = idle.dividedBy(10);
        this.touchEvery = tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
        this.seen = Caffeine.newBuilder().expireAfterWrite(cacheFor).ticker(ticker).maximumSize(100_000).build();
    }

    /** Starts a session for the user and returns its new id. */
    public String create(String userId) {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        StoredSession s = new StoredSession(digest(id), userId, now, now, expiry(now, now));
        store.insert(s);
        seen.put(s.digest(), s);
        return id;
    }

    /** The live session with this id (its use recorded); empty when it is unknown, expired or revoked. */
    public Optional<StoredSession> use(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String digest = digest(id);
        Instant now = clock.instant();
        StoredSession s = seen.getIfPresent(digest);
        if (s == null || !now.isBefore(s.expiresAt())) { // unseen, or maybe kept alive by another instance since
            s = store.find(digest).orElse(null);
            if (s == null) {
                seen.invalidate(digest);
                return Optional.empty();
            }
        }
        if (!now.isBefore(s.expiresAt())) {
            end(id);
            return Optional.empty();
        }
        if (Duration.between(s.lastSeen(), now).compareTo(touchEvery) >= 0) {
            s = new StoredSession(s.digest(), s.userId(), s.createdAt(), now, expiry(s.createdAt(), now));
            store.touch(digest, s.lastSeen(), s.expiresAt());
        }
        seen.put(digest, s);
        return Optional.of(s);
    }

    public void end(String id) {
        if (id != null && ID.matcher(id).matches()) {
            String digest = digest(id);
            seen.invalidate(digest);
            store.delete(digest);
        }
    }

    /** Ends every session of the user except {@code keepId} (may be null): after a password change or deactivation. */
    public void endAllOf(String userId, String keepId) {
        String keep = keepId == null ? null : digest(keepId);
        seen.asMap().values().removeIf(s -> s.userId().equals(userId) && !s.digest().equals(keep));
        store.deleteAllOf(userId, keep);
    }

    private Instant expiry(Instant createdAt, Instant lastSeen) {
        Instant byIdle = lastSeen.plus(idle);
        Instant byAge = createdAt.plus(absolute);
        return byIdle.isBefore(byAge) ? byIdle : byAge;
    }

    static String digest(String id) {
        return SecretDigest.sha256Hex(id);
    }
}
