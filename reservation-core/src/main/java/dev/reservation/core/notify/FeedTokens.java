package dev.reservation.core.notify;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.UserNotFoundException;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secret tokens that let a calendar client read a feed without a session. A token is 256 random
 * bits (base64url, 43 characters); the store keeps only its SHA-256, so the token is shown once,
 * when issued. Issuing for a feed that has a token rotates it: the old one stops working at once.
 * A user's token opens nothing once the user is deactivated. Thread-safe.
 */
public final class FeedTokens {
    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    /** A token just issued: the secret itself (shown once) and what is stored. */
    public record Issued(String token, FeedToken stored) {
    }

    /** Whom a valid token lets read which feed. */
    public record Reader(User user, FeedToken token) {
    }

    private final FeedTokenStore store;
    private final UserStore users;
    private final RoomStore rooms;
    private final Clock clock;
    private final SecureRandom random;

    public FeedTokens(FeedTokenStore store, UserStore users, RoomStore rooms, Clock clock, SecureRandom random) {
        this.store = Objects.requireNonNull(store);
        this.users = Objects.requireNonNull(users);
        this.rooms = Objects.requireNonNull(rooms);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
    }

    /**
     * Issues (or rotates) {@code userId}'s token for {@code feed}: {@link FeedToken#USER_FEED} or
     * {@link FeedToken#roomFeed}. Only the user themselves or an ADMIN.
     */
    public Issued issue(Actor actor, String userId, String feed) {
        requireSelfOrAdmin(actor, userId);
        users.findById(userId).orElseThrow(() -> new UserNotFoundException(userId));
        checkFeed(feed);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        FeedToken stored = new FeedToken(userId, feed, digest(token), clock.instant());
        store.replace(stored);
        return new Issued(token, stored);
    }

    public boolean revoke(Actor actor, String userId, String feed) {
        requireSelfOrAdmin(actor, userId);
        return store.revoke(userId, feed);
    }

    public List<FeedToken> list(Actor actor, String userId) {
        requireSelfOrAdmin(actor, userId);
        return store.forUser(userId);
    }

    /** Who may read with {@code token}: empty for an unknown, rotated or malformed token, or a deactivated user. */
    public Optional<Reader> resolve(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return store.findByDigest(digest(token)).flatMap(t -> users.findById(t.userId())
                .filter(User::active).map(u -> new Reader(u, t)));
    }

    /**
     * The URL that opens {@code feed} with {@code token} on the web app at {@code base} (scheme, host,
     * port, optional path; no trailing slash): {@code /ical/users/<token>.ics} for the user's own
     * reservations, {@code /ical/rooms/<roomId>.ics?token=<token>} for a room.
     */
    public static String url(String base, String feed, String token) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        if (FeedToken.USER_FEED.equals(feed)) {
            return root + "/ical/users/" + token + ".ics";
        }
        if (feed == null || !feed.startsWith("room:")) {
            throw new InvalidInputException("feed", "a feed is 'user' or 'room:<id>'");
        }
        String roomId = feed.substring("room:".length());
        return root + "/ical/rooms/" + java.net.URLEncoder.encode(roomId, StandardCharsets.UTF_8)
                .replace("+", "%20") + ".ics?token="
                + token;
    }

    public static String digest(String token) {
        return dev.reservation.core.auth.SecretDigest.sha256Hex(token);
    }

    private void checkFeed(String feed) {
        if (FeedToken.USER_FEED.equals(feed)) {
            return;
        }
        if (feed == null || !feed.startsWith("room:")) {
            throw new InvalidInputException("feed", "a feed is 'user' or 'room:<id>'");
        }
        String roomId = feed.substring("room:".length());
        rooms.findById(roomId).orElseThrow(() -> new RoomNotFoundException(roomId));
    }

    private static void requireSelfOrAdmin(Actor actor, String userId) {
        if (!Permissions.allowed(actor, Permissions.Operation.SEE_DETAILS, userId)) {
            throw new PermissionDeniedException("only the user themselves or an admin may manage their calendar feeds");
        }
    }
}
