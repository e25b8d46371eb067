package dev.reservation.core.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Door-display tokens as older versions made them: 32 random bytes, only their SHA-256 stored in the
 * room's settings. New display tokens are API tokens of scope display ({@code service.ApiTokens});
 * this is kept to check the tokens of displays set up before ({@link #matches}), and for tests that
 * write such data. Stateless, thread-safe.
 */
public final class DisplayTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DisplayTokens() {
    }

    /** A token in the old format (no prefix): only for writing data as an older version did. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return dev.reservation.core.auth.SecretDigest.sha256Hex(token);
    }

    /** Constant-time comparison of a presented token with a stored hash. */
    public static boolean matches(String token, String storedHash) {
        return storedHash != null && MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
