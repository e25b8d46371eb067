package dev.reservation.web.oidc;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals small sets of claims into a cookie value the browser can carry but neither read nor
 * change: a JWE (direct AES-256-GCM, so encrypted and authenticated) with a purpose and an expiry
 * checked against the app's clock. The key is derived from the OIDC client secret with
 * HMAC-SHA256 under a fixed label, so every app instance configured for the same client opens
 * what any other sealed, with no key of its own to distribute; rotating the client secret
 * invalidates what is in flight (at most a login attempt of 10 minutes and the sign-out hint).
 * Thread-safe.
 */
public final class Sealer {
    static final String LABEL = "reservation-web: OIDC cookie key v1";
    private static final String PURPOSE = "pur";

    private final SecretKey key;
    private final Clock clock;

    public Sealer(byte[] secret, Clock clock) {
        this.key = derive(secret);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A value carrying {@code claims} for {@code purpose} that opens until {@code ttl} from now. */
    public String seal(String purpose, Map<String, Object> claims, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().claim(PURPOSE, purpose).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)));
        claims.forEach(b::claim);
        EncryptedJWT jwt = new EncryptedJWT(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), b.build());
        try {
            jwt.encrypt(new DirectEncrypter(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK", e);
        }
        return jwt.serialize();
    }

    /**
     * The claims sealed for {@code purpose}; empty when the value is malformed, was sealed under
     * another key or for another purpose, was changed, or has expired.
     */
    public Optional<JWTClaimsSet> open(String purpose, String sealed) {
        if (sealed == null || sealed.isEmpty() || sealed.length() > 8192) {
            return Optional.empty();
        }
        try {
            EncryptedJWT jwt = EncryptedJWT.parse(sealed);
            if (!JWEAlgorithm.DIR.equals(jwt.getHeader().getAlgorithm())
                    || !EncryptionMethod.A256GCM.equals(jwt.getHeader().getEncryptionMethod())) {
                return Optional.empty();
            }
            jwt.decrypt(new DirectDecrypter(key));
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (!purpose.equals(claims.getStringClaim(PURPOSE)) || expiry == null
                    || !clock.instant().isBefore(expiry.toInstant())) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static SecretKey derive(byte[] secret) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("a sealing key needs a non-empty secret");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
