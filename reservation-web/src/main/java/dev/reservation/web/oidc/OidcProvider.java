package dev.reservation.web.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenID provider as this app uses it, through the Nimbus OAuth 2.0 / OpenID Connect SDK:
 * discovered once at start-up ({@link #discover}), then the authorization code flow with PKCE
 * (S256), {@code state} and {@code nonce}: the URL that sends a browser to the provider, and the
 * completion of the redirect back (the code exchanged at the token endpoint with the client
 * secret; the ID token validated by the SDK: signature with a key from the provider's JWKS, which
 * is cached and re-read when an unknown key id appears; issuer; audience; expiry and issue time,
 * with 60 s of clock skew; nonce). Also the provider's sign-out URL when it advertises an
 * {@code end_session_endpoint}. Nothing here logs a code, token or secret. Thread-safe.
 */
public final class OidcProvider {
    private static final Logger LOG = LoggerFactory.getLogger(OidcProvider.class);
    static final Scope SCOPE = new Scope(OIDCScopeValue.OPENID, OIDCScopeValue.EMAIL, OIDCScopeValue.PROFILE);
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    private static final int JWKS_SIZE_LIMIT = 512 * 1024;

    /** What a completed sign-in yields: who it is, and the raw ID token (for the sign-out hint only). */
    public record Completed(ProviderIdentity identity, String idToken) {
        @Override
        public String toString() {
            return "Completed[" + identity + ", idToken=(hidden)]";
        }
    }

    private final OidcSettings settings;
    private final OIDCProviderMetadata metadata;
    private final IDTokenValidator validator;
    private final ClientAuthentication clientAuth;
    private final ClientID clientId;

    OidcProvider(OidcSettings settings, OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys) {
        this.settings = settings;
        this.metadata = metadata;
        this.clientId = new ClientID(settings.clientId());
        this.clientAuth = clientAuthentication(metadata, clientId, settings);
        Set<JWSAlgorithm> algorithms = signingAlgorithms(metadata);
        this.validator = new IDTokenValidator(metadata.getIssuer(), clientId,
                new JWSVerificationKeySelector<>(algorithms, keys), null);
    }

    /**
     * Reads {@code <issuer>/.well-known/openid-configuration} and the provider's JWKS, and checks
     * that this app can work with them.
     *
     * @throws OidcSetupException saying what is wrong, in one line, when the provider cannot be
     *                            reached or its metadata cannot be used
     */
    public static OidcProvider discover(OidcSettings settings) {
        int timeout = (int) HTTP_TIMEOUT.toMillis();
        String where = "the OIDC issuer " + settings.issuer();
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), timeout, timeout);
        } catch (IOException e) {
            throw new OidcSetupException(where + " cannot be reached or gave no discovery document at "
                    + settings.issuer() + "/.well-known/openid-configuration (" + e.getMessage() + "); check"
                    + " --oidc-issuer and that this host can reach the provider", e);
        } catch (GeneralException e) {
            throw new OidcSetupException(where + " has no valid discovery document at " + settings.issuer()
                    + "/.well-known/openid-configuration (" + e.getMessage() + "); the issuer must match that"
                    + " document's \"issuer\" exactly, trailing slash included", e);
        }
        check(metadata, where);
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(metadata.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(timeout, timeout, JWKS_SIZE_LIMIT)).build();
            List<JWK> signing = keys.get(new JWKSelector(new JWKMatcher.Builder().keyUses(KeyUse.SIGNATURE, null)
                    .build()), null);
            if (signing.isEmpty()) {
                throw new OidcSetupException(where + " publishes no signing key at " + metadata.getJWKSetURI());
            }
        } catch (MalformedURLException | KeySourceException e) {
            throw new OidcSetupException(where + " has a JWKS at " + metadata.getJWKSetURI()
                    + " that cannot be read (" + e.getMessage() + ")", e);
        }
        if (metadata.getCodeChallengeMethods() == null) {
            LOG.warn("{} does not advertise PKCE support (code_challenge_methods_supported); S256 challenges are"
                    + " sent anyway", where);
        }
        OidcProvider provider = new OidcProvider(settings, metadata, keys);
        LOG.info("OIDC: signing in with {} ({}) as client {}; roles {}; sign-out at the provider {}",
                settings.providerName(), metadata.getIssuer(), settings.clientId(),
                settings.rolesFromProvider() ? "from the claim " + settings.roleClaim()
                        : "not taken from the provider (new users are " + settings.defaultRole() + ")",
                metadata.getEndSessionEndpointURI() == null ? "not offered"
                        : "at " + metadata.getEndSessionEndpointURI());
        return provider;
    }

    private static void check(OIDCProviderMetadata m, String where) {
        if (m.getAuthorizationEndpointURI() == null || m.getTokenEndpointURI() == null || m.getJWKSetURI() == null) {
            throw new OidcSetupException(where + " does not advertise an authorization_endpoint, token_endpoint and"
                    + " jwks_uri; this app needs all three");
        }
        for (URI endpoint : new URI[] {m.getAuthorizationEndpointURI(), m.getTokenEndpointURI(), m.getJWKSetURI()}) {
            if (!secure(endpoint)) {
                throw new OidcSetupException(where + " advertises " + endpoint + ", which is not https");
            }
        }
        if (m.getResponseTypes() != null && !m.getResponseTypes().contains(ResponseType.CODE)) {
            throw new OidcSetupException(where + " does not support the authorization code flow (response type"
                    + " \"code\")");
        }
        if (m.getCodeChallengeMethods() != null && !m.getCodeChallengeMethods().contains(CodeChallengeMethod.S256)) {
            throw new OidcSetupException(where + " does not support PKCE with S256 (it offers "
                    + m.getCodeChallengeMethods() + ")");
        }
        try {
            signingAlgorithms(m);
        } catch (IllegalArgumentException e) {
            throw new OidcSetupException(where + " " + e.getMessage());
        }
        try {
            clientAuthentication(m, new ClientID("check"), null);
        } catch (IllegalArgumentException e) {
            throw new OidcSetupException(where + " " + e.getMessage());
        }
    }

    /** The ID token algorithms to accept: the asymmetric ones the provider advertises (never "none" or HMAC). */
    static Set<JWSAlgorithm> signingAlgorithms(OIDCProviderMetadata m) {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        List<JWSAlgorithm> advertised = m.getIDTokenJWSAlgs() == null ? List.of(JWSAlgorithm.RS256)
                : m.getIDTokenJWSAlgs();
        for (JWSAlgorithm a : advertised) {
            if (JWSAlgorithm.Family.RSA.contains(a) || JWSAlgorithm.Family.EC.contains(a)
                    || JWSAlgorithm.Family.ED.contains(a)) {
                algorithms.add(a);
            }
        }
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("signs ID tokens only with " + advertised + "; this app accepts RSA,"
                    + " EC and EdDSA signatures");
        }
        return algorithms;
    }

    private static ClientAuthentication clientAuthentication(OIDCProviderMetadata m, ClientID id, OidcSettings s) {
        List<ClientAuthenticationMethod> methods = m.getTokenEndpointAuthMethods();
        boolean basic = methods == null || methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        if (!basic && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
            throw new IllegalArgumentException("accepts neither client_secret_basic nor client_secret_post at its"
                    + " token endpoint (it offers " + methods + ")");
        }
        if (s == null) {
            return null;
        }
        return basic ? new ClientSecretBasic(id, s.clientSecret()) : new ClientSecretPost(id, s.clientSecret());
    }

    static boolean secure(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http")
                && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    }

    public OidcSettings settings() {
        return settings;
    }

    public String name() {
        return settings.providerName();
    }

    /** The URL that sends a browser to the provider for {@code attempt}: code flow, S256 challenge, state, nonce. */
    public URI authorizationUri(LoginAttempt attempt) {
        return new AuthenticationRequest.Builder(ResponseType.CODE, SCOPE, clientId, attempt.redirectUri())
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(attempt.state())
                .nonce(attempt.nonce())
                .codeChallenge(attempt.verifier(), CodeChallengeMethod.S256)
                .build().toURI();
    }

    /**
     * Completes the redirect back from the provider: reads {@code callback} (the full URL it came
     * to), checks it belongs to {@code attempt}, exchanges the code and validates the ID token.
     *
     * @param attempt the attempt sealed in this browser's cookie for the callback's state; empty
     *                when there is none (expired, another browser, forged)
     * @throws OidcFailure for every way this can fail, with a message for the person signing in
     */
    public Completed complete(URI callback, Optional<LoginAttempt> attempt) {
        String name = name();
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(callback);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new OidcFailure(OidcFailure.Kind.UNKNOWN_ATTEMPT, "This is not a sign-in answer from " + name
                    + " this app can read. Start signing in again.", "unreadable callback: " + e.getMessage());
        }
        if (!response.indicatesSuccess()) {
            throw refused(response.toErrorResponse());
        }
        AuthenticationSuccessResponse ok = response.toSuccessResponse();
        if (attempt.isEmpty() || ok.getState() == null
                || !same(attempt.get().state().getValue(), ok.getState().getValue())) {
            throw new OidcFailure(OidcFailure.Kind.UNKNOWN_ATTEMPT, "This sign-in link is not valid here: it has"
                    + " expired (signing in may take at most " + LoginAttempt.TTL.toMinutes() + " minutes), was"
                    + " already used, or was started in another browser. Start signing in again.",
                    attempt.isEmpty() ? "no live login attempt for this state in this browser" : "state mismatch");
        }
        if (ok.getIssuer() != null && !ok.getIssuer().equals(metadata.getIssuer())) { // RFC 9207 mix-up defence
            throw new OidcFailure(OidcFailure.Kind.INVALID_TOKEN, "The answer did not come from " + name
                    + ". Nothing was signed in; start again.", "callback iss " + ok.getIssuer() + " is not ours");
        }
        AuthorizationCode code = ok.getAuthorizationCode();
        if (code == null) {
            throw new OidcFailure(OidcFailure.Kind.PROVIDER_ERROR, name + " sent no authorization code. Start"
                    + " signing in again.", "callback without code");
        }
        JWT idToken = exchange(code, attempt.get());
        JWTClaimsSet claims = validate(idToken, attempt.get().nonce());
        return new Completed(ProviderIdentity.from(claims, settings), idToken.getParsedString());
    }

    private OidcFailure refused(AuthenticationErrorResponse error) {
        String code = safeCode(error.getErrorObject());
        if ("access_denied".equals(code)) {
            return new OidcFailure(OidcFailure.Kind.CANCELLED, "Signing in with " + name() + " was cancelled"
                    + " (or " + name() + " refused it). You are not signed in.", "provider answered access_denied");
        }
        return new OidcFailure(OidcFailure.Kind.PROVIDER_ERROR, name() + " did not sign you in (error: " + code
                + "). You are not signed in; try again.", "provider answered " + code);
    }

    private JWT exchange(AuthorizationCode code, LoginAttempt attempt) {
        String name = name();
        TokenRequest request = new TokenRequest(metadata.getTokenEndpointURI(), clientAuth,
                new AuthorizationCodeGrant(code, attempt.redirectUri(), attempt.verifier()));
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout((int) HTTP_TIMEOUT.toMillis());
        http.setReadTimeout((int) HTTP_TIMEOUT.toMillis());
        TokenResponse response;
        try {
            HTTPResponse answer = http.send();
            response = OIDCTokenResponseParser.parse(answer);
        } catch (IOException e) {
            throw new OidcFailure(OidcFailure.Kind.PROVIDER_UNREACHABLE, name + " could not be reached to finish"
                    + " signing you in. Try again in a moment.", "token endpoint unreachable: " + e.getMessage());
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new OidcFailure(OidcFailure.Kind.PROVIDER_UNREACHABLE, name + " answered in a way this app cannot"
                    + " read. Try again in a moment.", "unreadable token response: " + e.getMessage());
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            String c = safeCode(error);
            String hint = "invalid_grant".equals(c) ? ": the sign-in took too long or this link was already used"
                    : ". If this keeps happening, tell whoever runs this app";
            throw new OidcFailure(OidcFailure.Kind.TOKEN_REFUSED, name + " refused to finish signing you in (error: "
                    + c + ")" + hint + ". Start signing in again.", "token endpoint answered HTTP "
                    + error.getHTTPStatusCode() + " " + c + (error.getDescription() == null ? ""
                    : " (" + error.getDescription() + ")"));
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new OidcFailure(OidcFailure.Kind.INVALID_TOKEN, name + " sent no ID token. Nothing was signed in.",
                    "token response without id_token");
        }
        return idToken;
    }

    /** The SDK's full check of the ID token; the claims once it passes. */
    JWTClaimsSet validate(JWT idToken, Nonce nonce) {
        try {
            return validator.validate(idToken, nonce).toJWTClaimsSet();
        } catch (KeySourceException e) {
            throw new OidcFailure(OidcFailure.Kind.PROVIDER_UNREACHABLE, name() + "'s signing keys could not be read"
                    + " to check who you are. Try again in a moment.", "JWKS unavailable: " + e.getMessage());
        } catch (BadJOSEException | JOSEException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new OidcFailure(OidcFailure.Kind.INVALID_TOKEN, "The answer from " + name() + " could not be"
                    + " verified, so nothing was signed in. Start signing in again.",
                    "ID token rejected: " + e.getMessage());
        }
    }

    /**
     * Where to send a browser to end its session at the provider too, then come back to
     * {@code postLogoutRedirect}; empty when the provider advertises no {@code end_session_endpoint}.
     *
     * @param idTokenHint the ID token of the sign-in being ended, or null (the client id is sent either way)
     */
    public Optional<URI> endSessionUri(String idTokenHint, URI postLogoutRedirect) {
        URI endpoint = metadata.getEndSessionEndpointURI();
        if (endpoint == null) {
            return Optional.empty();
        }
        JWT hint = null;
        if (idTokenHint != null) {
            try {
                hint = JWTParser.parse(idTokenHint);
            } catch (java.text.ParseException e) {
                hint = null;
            }
        }
        return Optional.of(new LogoutRequest(endpoint, hint, null, clientId, postLogoutRedirect, null, null).toURI());
    }

    /** The origin ({@code scheme://host:port}) of the end-session endpoint, for the pages' CSP form-action. */
    public Optional<String> endSessionOrigin() {
        URI e = metadata.getEndSessionEndpointURI();
        return e == null ? Optional.empty() : Optional.of(e.getScheme() + "://" + e.getRawAuthority());
    }

    private static String safeCode(ErrorObject error) {
        String code = error == null ? null : error.getCode();
        if (code == null || !code.matches("[A-Za-z0-9_.-]{1,64}")) {
            return error != null && error.getHTTPStatusCode() > 0 ? "HTTP " + error.getHTTPStatusCode()
                    : "unknown error";
        }
        return code;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
