package dev.reservation.core.notify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A calendar feed a user subscribed to, as stored: the SHA-256 {@code digest} of its secret token
 * (never the token), whose feed it opens ({@link #USER_FEED} or {@code room:<id>}), and since when.
 * One token per (user, feed): rotating replaces it. Immutable.
 */
public record FeedToken(String userId, String feed, String digest, Instant createdAt) {
    public static final String USER_FEED = "user";
    private static final String ROOM = "room:";

    public FeedToken {
        userId = Texts.require("userId", userId, 64);
        feed = Texts.require("feed", feed, 80);
        digest = Texts.require("digest", digest, 64);
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
    }

    public static String roomFeed(String roomId) {
        return ROOM + roomId;
    }

    /** The room this token's feed shows; empty for the user's own feed. */
    public Optional<String> roomId() {
        return feed.startsWith(ROOM) ? Optional.of(feed.substring(ROOM.length())) : Optional.empty();
    }
}
