package dev.reservation.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web sessions of this process: random 256-bit ids (base64url, 43 characters) mapped to a
 * {@link Session}. A session ends when it was idle for {@code idleTimeout} or is older than
 * {@code absoluteTimeout}, both measured with the injected {@link Clock}. Only a SHA-256 digest of
 * each id is kept, so a heap dump does not hand out live session ids. Sessions live in this
 * process only: several app instances need sticky sessions (or users sign in per instance), and
 * a restart signs everyone out. Thread-safe.
 */
public final class SessionStore {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int ID_BYTES = 32;

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;

    public SessionStore(Clock clock, Duration idleTimeout, Duration absoluteTimeout) {
        this.clock = Objects.requireNonNull(clock);
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("need 0 < idle timeout <= absolute timeout");
        }
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
    }

    /** Starts a session for the user and returns its new id; expired sessions are dropped on the way. */
    public String create(String userId) {
        Instant now = clock.instant();
        sessions.entrySet().removeIf(e -> expired(e.getValue(), now));
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(digest(id), new Session(userId, now, now));
        return id;
    }

    /** The live session with this id, marked as used now; empty (and forgotten) when it expired. */
    public Optional<Session> use(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session live = sessions.computeIfPresent(digest(id), (k, s) -> expired(s, now) ? null : s.touched(now));
        return Optional.ofNullable(live);
    }

    public void end(String id) {
        if (id != null && ID.matcher(id).matches()) {
            sessions.remove(digest(id));
        }
    }

    /** Ends every session of the user except {@code keepId} (may be null): after a password change. */
    public void endAllOf(String userId, String keepId) {
        String keep = keepId == null ? null : digest(keepId);
        sessions.entrySet().removeIf(e -> e.getValue().userId().equals(userId) && !e.getKey().equals(keep));
    }

    public int size() {
        return sessions.size();
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(s.lastSeen().plus(idleTimeout)) || !now.isBefore(s.createdAt().plus(absoluteTimeout));
    }

    private static String digest(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
