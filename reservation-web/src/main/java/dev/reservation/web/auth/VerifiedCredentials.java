package dev.reservation.web.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for at most {@code ttl}, that an email and password pair was verified, so the API
 * does not pay for a slow password hash on every call. The key is an HMAC-SHA256 of
 * "email:password" under a random key made when this process starts: neither the password nor an
 * offline-checkable hash of it is kept. Deactivation is not cached: callers re-read the user on
 * every request. Bounded: at most {@value #MAX_ENTRIES} entries. Thread-safe.
 */
public final class VerifiedCredentials {
    /** How long a verified email and password is remembered. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 10_000;

    private record Entry(String userId, Instant verifiedAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration ttl;

    public VerifiedCredentials(Clock clock, Duration ttl) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * Verifies credentials that are not remembered, once however many requests carry them at the
     * same moment: the first runs {@code signIn} (the slow hash), the others wait for its verdict
     * and share it, a success or the same exception. Without this, a client with sixteen connections
     * paid for sixteen hashes whenever its entry expired. The verdict is remembered on success.
     */
    public <T> T verifyOnce(String email, char[] password, Supplier<T> signIn, Function<T, String> userId) {
        String k = fingerprint(email, password);
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = inFlight.putIfAbsent(k, mine);
        if (running != null) {
            try {
                @SuppressWarnings("unchecked")
                T shared = (T) running.join();
                return shared;
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        try {
            T verified = signIn.get();
            remember(k, userId.apply(verified));
            mine.complete(verified);
            return verified;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(k, mine);
        }
    }

    /** The user these credentials were verified for within the last {@code ttl}, if any. */
    public Optional<String> userIdFor(String email, char[] password) {
        String k = fingerprint(email, password);
        Instant now = clock.instant();
        Entry e = entries.computeIfPresent(k, (x, old) -> fresh(old, now) ? old : null);
        return Optional.ofNullable(e).map(Entry::userId);
    }

    public void remember(String email, char[] password, String userId) {
        remember(fingerprint(email, password), userId);
    }

    private void remember(String fingerprint, String userId) {
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !fresh(e, now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(fingerprint, new Entry(userId, now));
    }

    /** Forgets every verification of this user (after a password change or deactivation). */
    public void forget(String userId) {
        entries.values().removeIf(e -> e.userId().equals(userId));
    }

    private boolean fresh(Entry e, Instant now) {
        return now.isBefore(e.verifiedAt().plus(ttl));
    }

    private String fingerprint(String email, char[] password) {
        CharBuffer chars = CharBuffer.allocate(email.length() + 1 + password.length);
        chars.put(email).put(':').put(password).flip();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(chars);
        byte[] input = new byte[bytes.remaining()];
        bytes.get(input);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        } finally {
            Arrays.fill(input, (byte) 0);
            Arrays.fill(chars.array(), '\0');
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
