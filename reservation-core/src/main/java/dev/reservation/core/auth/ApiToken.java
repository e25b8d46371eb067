package dev.reservation.core.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A personal API token as stored: never the token itself, only its SHA-256 ({@code digest}); who
 * it acts for, its scope, a name its user gave it, when it was made and last used (null: never).
 * Immutable.
 */
public record ApiToken(String id, String userId, String name, TokenScope scope, String digest, Instant createdAt,
                       Instant lastUsedAt) {
    public static final int MAX_NAME = 100;

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public ApiToken usedAt(Instant at) {
        return new ApiToken(id, userId, name, scope, digest, createdAt, at);
    }
}
