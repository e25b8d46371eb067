package dev.reservation.web.auth;

import java.time.Instant;

/**
 * One signed-in browser: whose it is, when it was created and when it was last used. The session
 * id itself is not kept here (only its digest, as the key of {@link SessionStore}). Immutable.
 */
public record Session(String userId, Instant createdAt, Instant lastSeen) {
    Session touched(Instant now) {
        return new Session(userId, createdAt, now);
    }
}
