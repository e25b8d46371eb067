package dev.reservation.core.service;

import dev.reservation.core.auth.ApiToken;
import dev.reservation.core.auth.ApiTokenStore;
import dev.reservation.core.auth.Permissions;
import dev.reservation.core.auth.TokenScope;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.TokenNotFoundException;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.UserNotFoundException;
import dev.reservation.core.store.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * API tokens ({@code Authorization: Bearer rsv_…}) and, by the same mechanism, door-display tokens.
 * A token is {@value #PREFIX} and 256 random bits (base64url); the store keeps only its SHA-256, so
 * it is shown once, when issued (a fast hash is right here: the secret is random, not a password). A
 * personal token acts for its user, within its {@link TokenScope} and never beyond the user's role,
 * and opens nothing once its user is deactivated. A display token ({@link TokenScope#DISPLAY},
 * {@link #issueDisplay}) carries its room: it belongs to the room ({@link ApiToken#displayOwner}),
 * opens only that room's door display ({@link #resolveDisplay}) and never the API ({@link #resolve}
 * refuses it); a room has one at a time, issuing a new one revokes the old.
 *
 * <p>Lookups are cached in this process for at most {@code cacheFor} (and at most
 * {@value #MAX_CACHED} tokens): a token revoked through another app instance stops working here
 * within that time, one revoked through this instance at once. The last-used time is written at
 * most once per {@link #TOUCH_EVERY} per token, for both kinds. Thread-safe.
 */
public final class ApiTokens {
    public static final String PREFIX = "rsv_";
    public static final Duration DEFAULT_CACHE = Duration.ofSeconds(5);
    public static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    static final int MAX_CACHED = 10_000;
    private static final Pattern SHAPE = Pattern.compile("^rsv_[A-Za-z0-9_-]{43}$");

    /** A token just issued: the secret itself (shown once) and what is stored. */
    public record Issued(String token, ApiToken stored) {
    }

    /** Whom a valid token acts for, and how far. */
    public record Bearer(User user, ApiToken token) {
    }

    private record Cached(Optional<ApiToken> token, Instant until) {
    }

    private final ApiTokenStore store;
    private final UserStore users;
    private final IdGenerator ids;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration cacheFor;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiTokens(ApiTokenStore store, UserStore users, IdGenerator ids, Clock clock, SecureRandom random,
                     Duration cacheFor) {
        this.store = Objects.requireNonNull(store);
        this.users = Objects.requireNonNull(users);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        this.cacheFor = Objects.requireNonNull(cacheFor);
    }

    /** Issues a token for {@code userId} (the user themselves, or an ADMIN for anyone). */
    public Issued issue(Actor actor, String userId, String name, TokenScope scope) {
        requireSelfOrAdmin(actor, userId);
        User user = users.findById(userId).orElseThrow(() -> new UserNotFoundException(userId));
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > ApiToken.MAX_NAME) {
            throw new InvalidInputException("name", "a token needs a name of 1 to " + ApiToken.MAX_NAME
                    + " characters, to tell it apart later");
        }
        if (scope == null) {
            throw new InvalidInputException("scope", "scope is required: read, book or admin");
        }
        if (scope == TokenScope.DISPLAY) {
            throw new InvalidInputException("scope", "a display token is issued for a room, by an admin, on the room's"
                    + " operations page or POST /api/v1/rooms/{id}/display-token (use read, book or admin)");
        }
        if (!scope.allowedFor(user.role())) {
            throw new InvalidInputException("scope", "scope admin needs an ADMIN user; " + user.email() + " is a "
                    + user.role().name() + " (use read or book)");
        }
        String token = newSecret();
        ApiToken stored = new ApiToken(ids.newId(), userId, label, scope, digest(token), clock.instant(), null);
        store.insert(stored);
        return new Issued(token, stored);
    }

    /**
     * Issues the door-display token of room {@code roomId} (an ADMIN only; the caller has checked that
     * the room exists) and then revokes the room's other display tokens made no later than this one:
     * one per room. Of two issued at once, the later survives (both are revoked if made in the same
     * instant: re-issue).
     *
     * @param name how the token is listed, e.g. "Door display of Blue"
     */
    public Issued issueDisplay(Actor actor, String roomId, String name) {
        Permissions.require(actor, Permissions.Operation.MANAGE_ROOMS, null);
        Objects.requireNonNull(roomId, "roomId");
        String label = name == null || name.isBlank() ? "Door display of " + roomId : name.strip();
        label = label.length() > ApiToken.MAX_NAME ? label.substring(0, ApiToken.MAX_NAME) : label;
        String token = newSecret();
        ApiToken stored = new ApiToken(ids.newId(), ApiToken.displayOwner(roomId), label, TokenScope.DISPLAY,
                digest(token), clock.instant(), null, roomId);
        store.insert(stored);
        for (ApiToken older : store.forUser(stored.userId())) {
            if (!older.id().equals(stored.id()) && roomId.equals(older.roomId())
                    && !older.createdAt().isAfter(stored.createdAt())) {
                revokeStored(older);
            }
        }
        return new Issued(token, stored);
    }

    /** The room's display tokens (never their secrets): one, or none; more only for a moment while two are issued. */
    public List<ApiToken> displayTokens(String roomId) {
        return store.forUser(ApiToken.displayOwner(roomId)).stream().filter(t -> roomId.equals(t.roomId())).toList();
    }

    /** Revokes every display token of the room (an ADMIN only); returns how many there were. */
    public int revokeDisplay(Actor actor, String roomId) {
        Permissions.require(actor, Permissions.Operation.MANAGE_ROOMS, null);
        int n = 0;
        for (ApiToken t : displayTokens(roomId)) {
            n += revokeStored(t) ? 1 : 0;
        }
        return n;
    }

    /**
     * The display token of {@code roomId} that {@code token} is, its last use recorded: empty for a
     * malformed, unknown or revoked token, another room's display token, or a personal API token.
     */
    public Optional<ApiToken> resolveDisplay(String roomId, String token) {
        Instant now = clock.instant();
        Optional<ApiToken> found = lookup(token, now).filter(t -> t.isDisplay() && t.roomId().equals(roomId));
        found.ifPresent(t -> touch(t, now));
        return found;
    }

    public List<ApiToken> list(Actor actor, String userId) {
        requireSelfOrAdmin(actor, userId);
        return store.forUser(userId);
    }

    /** Revokes the user's token {@code id}; a 404 when there is none (or it is someone else's). */
    public void revoke(Actor actor, String userId, String id) {
        requireSelfOrAdmin(actor, userId);
        Optional<ApiToken> token = store.forUser(userId).stream().filter(t -> t.id().equals(id)).findFirst();
        if (token.isEmpty() || !revokeStored(token.get())) {
            throw new TokenNotFoundException(id);
        }
    }

    private boolean revokeStored(ApiToken t) {
        boolean removed = store.revoke(t.userId(), t.id());
        cache.remove(t.digest());
        return removed;
    }

    /**
     * Who {@code token} acts for: empty for a malformed, unknown or revoked token, or a deactivated user.
     *
     * @throws PermissionDeniedException for a door-display token, which never opens the API
     */
    public Optional<Bearer> resolve(String token) {
        Instant now = clock.instant();
        Optional<ApiToken> found = lookup(token, now);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken t = found.get();
        if (t.isDisplay()) {
            throw new PermissionDeniedException(DISPLAY_IS_NOT_AN_API_TOKEN);
        }
        Optional<User> user = users.findById(t.userId()).filter(User::active);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Bearer(user.get(), touch(t, now)));
    }

    /** What the API answers (403) to a door-display token sent as a bearer token. */
    public static final String DISPLAY_IS_NOT_AN_API_TOKEN = "this is a door-display token: it opens only its room's"
            + " door display (/display/rooms/{id}), never the API; sign in to the API with a personal API token";

    /** The stored token {@code token} is, from the cache when fresh there; empty for a malformed or unknown one. */
    private Optional<ApiToken> lookup(String token, Instant now) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        String digest = digest(token);
        Cached cached = cache.get(digest);
        if (cached == null || !now.isBefore(cached.until())) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear(); // bounded: a burst of distinct tokens costs lookups, never memory
            }
            cached = new Cached(store.findByDigest(digest), now.plus(cacheFor));
            cache.put(digest, cached);
        }
        return cached.token();
    }

    /** Records a use of {@code t} at {@code now}, at most once per {@link #TOUCH_EVERY}; returns the token as now. */
    private ApiToken touch(ApiToken t, Instant now) {
        if (t.lastUsedAt() != null && now.isBefore(t.lastUsedAt().plus(TOUCH_EVERY))) {
            return t;
        }
        store.touch(t.id(), now);
        ApiToken used = t.usedAt(now);
        cache.computeIfPresent(t.digest(), (d, c) -> c.token().isPresent() ? new Cached(Optional.of(used), c.until()) : c);
        return used;
    }

    private String newSecret() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String digest(String token) {
        return dev.reservation.core.auth.SecretDigest.sha256Hex(token);
    }

    private static void requireSelfOrAdmin(Actor actor, String userId) {
        if (!Permissions.allowed(actor, Permissions.Operation.SEE_DETAILS, userId)) {
            throw new PermissionDeniedException("only the user themselves or an admin may manage their API tokens");
        }
    }
}
