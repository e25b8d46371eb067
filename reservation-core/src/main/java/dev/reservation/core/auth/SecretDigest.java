package dev.reservation.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one digest of the project's random secrets (session ids, API and display tokens, feed
 * tokens): SHA-256, as lower-case hex. A fast hash is right for them: they are 256 random bits,
 * not passwords. Stateless.
 */
public final class SecretDigest {
    private SecretDigest() {
    }

    public static String sha256Hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
