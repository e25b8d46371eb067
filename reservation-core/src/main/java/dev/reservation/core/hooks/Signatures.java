package dev.reservation.core.hooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery, in the scheme payment APIs made common: the header
 * {@value #HEADER} is {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} where the MAC is keyed with the
 * subscription's secret (its UTF-8 bytes) over {@code <t>.<body>}. Signing the time stops a
 * captured delivery from being replayed later than a receiver's tolerance; {@link #verify} is what a
 * receiver runs. Stateless.
 */
public final class Signatures {
    public static final String HEADER = "Reservation-Signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private Signatures() {
    }

    public static String header(String secret, Instant at, byte[] body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + mac(secret, t, body);
    }

    /** True when {@code header} signs {@code body} with {@code secret} at a time within {@code tolerance} of {@code now}. */
    public static boolean verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        if (header == null) {
            return false;
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("t=")) {
                try {
                    t = Long.parseLong(p.substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (p.startsWith("v1=")) {
                v1 = p.substring(3);
            }
        }
        if (t == null || v1 == null || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, t, body).getBytes(StandardCharsets.US_ASCII),
                v1.getBytes(StandardCharsets.US_ASCII));
    }

    private static String mac(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }
}
