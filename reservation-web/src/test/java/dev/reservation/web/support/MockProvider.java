package dev.reservation.web.support;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.Secret;
import dev.reservation.core.domain.Role;
import dev.reservation.web.auth.SignInMethods;
import dev.reservation.web.oidc.OidcProvider;
import dev.reservation.web.oidc.OidcSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.OAuth2Exception;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * A real OpenID provider in this process: NAV's mock-oauth2-server on a free localhost port
 * (Netty), with discovery, JWKS, authorization, token and end-session endpoints, RS256-signed ID
 * tokens, nonce and PKCE (S256) checks. Non-interactive by default: its authorization endpoint
 * answers at once with a code (no login form), and the ID token's claims are whatever the test
 * queued with {@link #willIssue}; interactive: it shows its login page (a subject and a claims
 * JSON to type), as the browser test uses it. What it does NOT do, unlike a production provider:
 * refuse a code it has already exchanged or never issued (it then issues a token without a nonce,
 * which the app's nonce check refuses), check the client secret or the redirect URI.
 */
public final class MockProvider implements AutoCloseable {
    public static final String ISSUER_ID = "staff";
    public static final String CLIENT_ID = "rooms-app";
    public static final String NAME = "Staff Login";

    private final MockOAuth2Server server;
    private final String secret = "test-secret-" + UUID.randomUUID();

    private MockProvider(MockOAuth2Server server) {
        this.server = server;
    }

    public static MockProvider start(boolean interactiveLogin) {
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(interactiveLogin, null, null, false,
                new OAuth2TokenProvider(), Set.of(), new NettyWrapper()));
        server.start(0);
        MockProvider provider = new MockProvider(server);
        provider.warmUp();
        return provider;
    }

    /**
     * One patient request before the app's discovery (10 s timeout) meets it: the mock's first
     * answer loads Kotlin, Jackson and FreeMarker and can take seconds on a busy machine.
     */
    private void warmUp() {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    server.wellKnownUrl(ISSUER_ID).toString())).timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the mock provider's discovery answered " + r.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI issuer() {
        return URI.create(server.issuerUrl(ISSUER_ID).toString());
    }

    public String secret() {
        return secret;
    }

    public String endSessionEndpoint() {
        return server.endSessionEndpointUrl(ISSUER_ID).toString();
    }

    public String authorizationEndpoint() {
        return server.authorizationEndpointUrl(ISSUER_ID).toString();
    }

    public OidcSettings settings() {
        return settings(null, null);
    }

    /** Settings with roles from {@code roleClaim} ({@code adminValue} means ADMIN), or none when null. */
    public OidcSettings settings(String roleClaim, String adminValue) {
        return new OidcSettings(issuer(), CLIENT_ID, new Secret(secret), NAME, Role.MEMBER, roleClaim, adminValue, null);
    }

    /** Discovers this provider the way the app does at start-up. */
    public OidcProvider discover(OidcSettings settings) {
        return OidcProvider.discover(settings);
    }

    public SignInMethods signIn(boolean localPasswords) {
        return new SignInMethods(localPasswords, Optional.of(discover(settings())));
    }

    /** The next code exchanged yields an ID token for {@code subject} with these claims. */
    public void willIssue(String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims, 3600));
    }

    /** The next code exchanged is refused at the token endpoint with {@code error} (400), as an expired code is. */
    public void willRefuse(String error) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "x", "JWT", null, Map.of(), 3600) {
            @Override
            public String subject(TokenRequest tokenRequest) {
                throw new OAuth2Exception(new ErrorObject(error, "refused by the test", 400), "refused by the test");
            }
        });
    }

    /** The usual claims of a person with a verified email. */
    public static Map<String, Object> person(String email, String name) {
        return Map.of("email", email, "email_verified", true, "name", name);
    }

    public static Map<String, Object> person(String email, String name, List<String> groups) {
        return Map.of("email", email, "email_verified", true, "name", name, "groups", groups);
    }

    public MockOAuth2Server server() {
        return server;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
