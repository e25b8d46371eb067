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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Personal API tokens ({@code Authorization: Bearer rsv_…}). A token is {@value #PREFIX} and 256
 * random bits (base64url); the store keeps only its SHA-256, so it is shown once, when issued
 * (a fast hash is right here: the secret is random, not a password). A token acts for its user,
 * within its {@link TokenScope} and never beyond the user's role, and opens nothing once its user is
 * deactivated.
 *
 * <p>Lookups are cached in this process for at most {@code cacheFor} (and at most
 * {@value #MAX_CACHED} tokens): a token revoked through another app instance stops working here
 * within that time, one revoked through this instance at once. The last-used time is written at
 * most once per {@link #TOUCH_EVERY} per token. Thread-safe.
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
        if (!scope.allowedFor(user.role())) {
            throw new InvalidInputException("scope", "scope admin needs an ADMIN user; " + user.email() + " is a "
                    + user.role().name() + " (use read or book)");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken stored = new ApiToken(ids.newId(), userId, label, scope, digest(token), clock.instant(), null);
        store.insert(stored);
        return new Issued(token, stored);
    }

    public List<ApiToken> list(Actor actor, String userId) {
        requireSelfOrAdmin(actor, userId);
        return store.forUser(userId);
    }

    /** Revokes the user's token {@code id}; a 404 when there is none (or it is someone else's). */
    public void revoke(Actor actor, String userId, String id) {
        requireSelfOrAdmin(actor, userId);
        Optional<ApiToken> token = store.forUser(userId).stream().filter(t -> t.id().equals(id)).findFirst();
        if (token.isEmpty() || !store.revoke(userId, id)) {
            throw new TokenNotFoundException(id);
        }
        cache.remove(token.get().digest());
    }

    /** Who {@code token} acts for: empty for a malformed, unknown or revoked token, or a deactivated user. */
    public Optional<Bearer> resolve(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        String digest = digest(token);
        Instant now = clock.instant();
        Cached cached = cache.get(digest);
        if (cached == null || !now.isBefore(cached.until())) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear(); // bounded: a burst of distinct tokens costs lookups, never memory
            }
            cached = new Cached(store.findByDigest(digest), now.plus(cacheFor));
            cache.put(digest, cached);
        }
        Optional<ApiToken> found = cached.token();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken t = found.get();
        Optional<User> user = users.findById(t.userId()).filter(User::active);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (t.lastUsedAt() == null || !now.isBefore(t.lastUsedAt().plus(TOUCH_EVERY))) {
            store.touch(t.id(), now);
            cache.put(digest, new Cached(Optional.of(t.usedAt(now)), cached.until()));
        }
        return Optional.of(new Bearer(user.get(), t));
    }

    public static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void requireSelfOrAdmin(Actor actor, String userId) {
        if (!Permissions.allowed(actor, Permissions.Operation.SEE_DETAILS, userId)) {
            throw new PermissionDeniedException("only the user themselves or an admin may manage their API tokens");
        }
    }
}
