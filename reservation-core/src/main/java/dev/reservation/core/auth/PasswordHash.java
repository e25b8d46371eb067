package dev.reservation.core.auth;

import dev.reservation.core.domain.InvalidInputException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A salted, slow password hash in the self-describing form
 * {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}, so the work factor can be raised
 * later without invalidating stored hashes. Immutable (arrays are copied in and out).
 */
public final class PasswordHash {
    static final String ALGORITHM = "pbkdf2-sha256";

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    PasswordHash(int iterations, byte[] salt, byte[] hash) {
        if (iterations < 1 || salt.length < 16 || hash.length < 16) {
            throw new IllegalArgumentException("weak or malformed password hash");
        }
        this.iterations = iterations;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    public static PasswordHash parse(String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            throw new InvalidInputException("passwordHash", "not a " + ALGORITHM + " password hash");
        }
        try {
            return new PasswordHash(Integer.parseInt(parts[1]), Base64.getDecoder().decode(parts[2]),
                    Base64.getDecoder().decode(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("passwordHash", "malformed " + ALGORITHM + " password hash");
        }
    }

    public String encode() {
        return ALGORITHM + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash);
    }

    int iterations() {
        return iterations;
    }

    byte[] salt() {
        return salt.clone();
    }

    byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash p && p.iterations == iterations && Arrays.equals(p.salt, salt)
                && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    /** Never prints the hash: it must not end up in logs. */
    @Override
    public String toString() {
        return "PasswordHash[" + ALGORITHM + ", " + iterations + " iterations]";
    }
}
