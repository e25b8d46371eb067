package dev.reservation.core.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token as stored: never the token itself, only its SHA-256 ({@code digest}); who it acts
 * for, its scope, a name given to it, when it was made and last used (null: never), and for a
 * door-display token ({@link TokenScope#DISPLAY}) the room whose display it opens ({@code roomId};
 * null for every other scope). A display token belongs to its room, not to a person: its
 * {@code userId} is {@link #displayOwner(String)}. Immutable.
 */
public record ApiToken(String id, String userId, String name, TokenScope scope, String digest, Instant createdAt,
                       Instant lastUsedAt, String roomId) {
    public static final int MAX_NAME = 100;

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((scope == TokenScope.DISPLAY) != (roomId != null)) {
            throw new IllegalArgumentException("a display token needs its room id, and only a display token has one");
        }
    }

    /** A personal token (no room). */
    public ApiToken(String id, String userId, String name, TokenScope scope, String digest, Instant createdAt,
                    Instant lastUsedAt) {
        this(id, userId, name, scope, digest, createdAt, lastUsedAt, null);
    }

    /** Whose tokens a room's display tokens are listed as (the user id of bookings made at the door, too). */
    public static String displayOwner(String roomId) {
        return "display:" + roomId;
    }

    public boolean isDisplay() {
        return scope == TokenScope.DISPLAY;
    }

    public ApiToken usedAt(Instant at) {
        return new ApiToken(id, userId, name, scope, digest, createdAt, at, roomId);
    }
}
