package dev.reservation.core.auth;

import dev.reservation.core.domain.InvalidInputException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and verifies passwords with the JDK's PBKDF2-HMAC-SHA256 and a random 16-byte salt per
 * password (OWASP's 2023 guidance: 600,000 iterations). Verification is constant-time in the hash
 * comparison. Thread-safe.
 */
public final class PasswordHasher {
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 200;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random;

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS, new SecureRandom());
    }

    /** A lower iteration count is for tests only; it is recorded in every hash it makes. */
    public PasswordHasher(int iterations, SecureRandom random) {
        this.iterations = iterations;
        this.random = random;
    }

    /** Checks the password policy (length), then hashes with a fresh salt. */
    public PasswordHash hash(char[] password) {
        checkPolicy(password);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    public boolean verify(char[] password, PasswordHash stored) {
        if (password == null || password.length == 0 || password.length > MAX_LENGTH) {
            return false;
        }
        byte[] actual = derive(password, stored.salt(), stored.iterations());
        return MessageDigest.isEqual(actual, stored.hash());
    }

    /** True when the stored hash was made with fewer iterations than this hasher uses now. */
    public boolean needsRehash(PasswordHash stored) {
        return stored.iterations() < iterations;
    }

    public static void checkPolicy(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new InvalidInputException("password", "a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length > MAX_LENGTH) {
            throw new InvalidInputException("password", "a password may have at most " + MAX_LENGTH + " characters");
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
