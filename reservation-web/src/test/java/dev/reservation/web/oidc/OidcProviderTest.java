package dev.reservation.web.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.reservation.core.domain.Role;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * How the app configures the SDK's ID token validation and builds its requests, against keys and
 * metadata made here: every check the brief asks for (signature, issuer, audience, expiry, nonce)
 * refuses a token that fails it, and no unsigned or HMAC token is accepted.
 */
class OidcProviderTest {
    static final String ISSUER = "https://login.example.com/realms/staff";
    static final String CLIENT = "rooms";
    static final String SECRET = "a-client-secret-of-at-least-thirty-two-bytes!";

    private final RSAKey key = generate("k1");
    private final RSAKey impostor = generate("k1"); // same key id, another key
    private final Nonce nonce = new Nonce();
    private final OidcSettings settings = new OidcSettings(URI.create(ISSUER), CLIENT, new Secret(SECRET), "Staff",
            Role.MEMBER, null, null, null);
    private final OidcProvider provider = new OidcProvider(settings, metadata(true),
            new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())));

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static OIDCProviderMetadata metadata(boolean endSession) {
        OIDCProviderMetadata m = new OIDCProviderMetadata(new Issuer(ISSUER), List.of(SubjectType.PUBLIC),
                URI.create(ISSUER + "/certs"));
        m.setAuthorizationEndpointURI(URI.create(ISSUER + "/auth"));
        m.setTokenEndpointURI(URI.create(ISSUER + "/token"));
        m.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256, JWSAlgorithm.HS256));
        if (endSession) {
            m.setEndSessionEndpointURI(URI.create(ISSUER + "/logout"));
        }
        return m;
    }

    private JWTClaimsSet.Builder good() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("sub-1").audience(CLIENT)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("nonce", nonce.getValue()).claim("email", "lin@example.com").claim("email_verified", true);
    }

    private static SignedJWT signed(RSAKey by, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(by.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(by));
            return jwt;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void refused(JWT token) {
        assertThatThrownBy(() -> provider.validate(token, nonce)).isInstanceOfSatisfying(OidcFailure.class,
                f -> assertThat(f.kind()).isEqualTo(OidcFailure.Kind.INVALID_TOKEN));
    }

    private void refused(UnaryOperator<JWTClaimsSet.Builder> change) {
        refused(signed(key, change.apply(good()).build()));
    }

    @Test
    void acceptsAGoodToken() {
        assertThat(provider.validate(signed(key, good().build()), nonce).getSubject()).isEqualTo("sub-1");
    }

    @Test
    void refusesAWrongSignature() {
        refused(signed(impostor, good().build()));
    }

    @Test
    void refusesAnotherIssuerAnotherAudienceAndAnExpiredToken() {
        refused(b -> b.issuer("https://evil.example.com"));
        refused(b -> b.audience("another-client"));
        refused(b -> b.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(2)))));
    }

    @Test
    void refusesAWrongOrMissingNonce() {
        refused(b -> b.claim("nonce", new Nonce().getValue()));
        refused(b -> b.claim("nonce", null));
    }

    @Test
    void refusesUnsignedAndHmacTokensEvenWhenTheProviderAdvertisesHmac() throws JOSEException {
        refused(new PlainJWT(good().build()));
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), good().build());
        hmac.sign(new MACSigner(SECRET));
        refused(hmac);
        assertThat(OidcProvider.signingAlgorithms(metadata(false))).containsExactly(JWSAlgorithm.RS256);
    }

    @Test
    void sendsAnS256ChallengeOfTheVerifierWithStateAndNonce() {
        LoginAttempt attempt = LoginAttempt.start("/", URI.create("https://rooms.example.com/oidc/callback"));

        String uri = provider.authorizationUri(attempt).toString();

        assertThat(uri).startsWith(ISSUER + "/auth?");
        String decoded = URLDecoder.decode(uri, StandardCharsets.UTF_8);
        assertThat(decoded).contains("code_challenge_method=S256",
                "code_challenge=" + CodeChallenge.compute(CodeChallengeMethod.S256, attempt.verifier()).getValue(),
                "state=" + attempt.state().getValue(), "nonce=" + attempt.nonce().getValue(),
                "redirect_uri=https://rooms.example.com/oidc/callback", "response_type=code", "client_id=rooms")
                .doesNotContain(attempt.verifier().getValue());
    }

    @Test
    void refusesARedirectBackThatNamesAnotherIssuer() {
        LoginAttempt attempt = LoginAttempt.start("/", URI.create("https://rooms.example.com/oidc/callback"));
        URI callback = URI.create("https://rooms.example.com/oidc/callback?code=abc&state="
                + attempt.state().getValue() + "&iss=https%3A%2F%2Fevil.example.com");

        assertThatThrownBy(() -> provider.complete(callback, java.util.Optional.of(attempt)))
                .isInstanceOfSatisfying(OidcFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(OidcFailure.Kind.INVALID_TOKEN));
    }

    @Test
    void endsTheSessionAtTheProviderWithTheHintAndClientIdWhenItCan() {
        String idToken = signed(key, good().build()).serialize();

        String uri = provider.endSessionUri(idToken, URI.create("https://rooms.example.com/signin?out=1"))
                .orElseThrow().toString();

        assertThat(URLDecoder.decode(uri, StandardCharsets.UTF_8)).startsWith(ISSUER + "/logout?")
                .contains("id_token_hint=" + idToken, "client_id=rooms",
                        "post_logout_redirect_uri=https://rooms.example.com/signin?out=1");
        assertThat(provider.endSessionUri(null, URI.create("https://rooms.example.com/signin?out=1")).orElseThrow()
                .toString()).contains("client_id=rooms").doesNotContain("id_token_hint");
        OidcProvider without = new OidcProvider(settings, metadata(false),
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())));
        assertThat(without.endSessionUri(idToken, URI.create("https://x.example.com/"))).isEmpty();
        assertThat(without.endSessionOrigin()).isEmpty();
        assertThat(provider.endSessionOrigin()).contains("https://login.example.com");
    }
}
