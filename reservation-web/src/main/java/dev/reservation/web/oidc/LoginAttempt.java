package dev.reservation.web.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One sign-in through the provider, from the click on "Sign in with ..." to the provider's
 * redirect back: the {@code state} that ties the redirect to this browser, the {@code nonce} the
 * ID token must carry, the PKCE code verifier whose S256 challenge went to the provider, where to
 * go afterwards and the redirect URI used (the token request must repeat it). Each is 256 random
 * bits. It travels sealed in a cookie (see {@link Sealer}), not in any process's memory, so the
 * redirect back may reach any app instance. Immutable.
 */
public record LoginAttempt(State state, Nonce nonce, CodeVerifier verifier, String next, URI redirectUri) {
    /** How long a sign-in at the provider may take. */
    public static final Duration TTL = Duration.ofMinutes(10);
    public static final String PURPOSE = "oidc-login";

    public static LoginAttempt start(String next, URI redirectUri) {
        return new LoginAttempt(new State(), new Nonce(), new CodeVerifier(), next, redirectUri);
    }

    public Map<String, Object> claims() {
        return Map.of("st", state.getValue(), "nn", nonce.getValue(), "cv", verifier.getValue(), "nx", next,
                "ru", redirectUri.toString());
    }

    /** The attempt sealed in these claims; empty if any part is missing. */
    public static Optional<LoginAttempt> from(JWTClaimsSet claims) {
        try {
            String st = claims.getStringClaim("st");
            String nn = claims.getStringClaim("nn");
            String cv = claims.getStringClaim("cv");
            String nx = claims.getStringClaim("nx");
            String ru = claims.getStringClaim("ru");
            if (st == null || nn == null || cv == null || nx == null || ru == null) {
                return Optional.empty();
            }
            return Optional.of(new LoginAttempt(new State(st), new Nonce(nn), new CodeVerifier(cv), nx,
                    URI.create(ru)));
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
