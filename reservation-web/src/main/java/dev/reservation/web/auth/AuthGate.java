package dev.reservation.web.auth;

import dev.reservation.web.http.ClientAddress;
import dev.reservation.core.auth.Sessions;

import dev.reservation.core.domain.AuthenticationFailedException;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.UserNotFoundException;
import dev.reservation.core.service.ApiTokens;
import dev.reservation.core.service.AuthService;
import dev.reservation.core.service.UserService;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, before any route runs, who a request is signed in as. Pages: the session cookie; with
 * none (or an expired one, or a deactivated user's) every page but the sign-in pages ({@value #SIGN_IN}
 * and the OpenID Connect start and callback) redirects to sign-in. API ({@code /api/**}): HTTP Basic
 * on every call, verified through {@link AuthService} (throttled per account and address) and then
 * remembered briefly by {@link VerifiedCredentials}, or a personal API token
 * ({@code Authorization: Bearer}, {@link ApiTokens}) within its scope ({@link TokenScopes}; a room's
 * door-display token, an API token of scope display, is refused here with 403: it opens only
 * {@code /display/rooms/{id}}, where the core checks it); with
 * local passwords off every API call without a token is refused with 403 instead, and with Basic
 * turned off ({@code --api-basic off}) a call without a token gets 401. The user is re-read on every request, so deactivation and role changes
 * apply at once. Assets and {@code /health/**} are public. Thread-safe.
 */
public final class AuthGate {
    public static final String SIGN_IN = "/signin";
    public static final String OIDC_START = "/oidc/signin";
    public static final String OIDC_CALLBACK = "/oidc/callback";
    private static final Set<String> PUBLIC_PAGES = Set.of(SIGN_IN, OIDC_START, OIDC_CALLBACK);
    private static final int MAX_NEXT = 2000;

    private final UserService users;
    private final AuthService auth;
    private final Sessions sessions;
    private final VerifiedCredentials verified;
    private final boolean localPasswords;
    private final ApiTokens tokens;
    private final boolean apiBasic;

    public AuthGate(UserService users, AuthService auth, Sessions sessions, VerifiedCredentials verified) {
        this(users, auth, sessions, verified, true);
    }

    private static final String BEARER = "Bearer ";

    /** The OpenAPI document (web.api.OpenApiRoutes), open to anyone. */
    static final String OPENAPI = "/api/v1/openapi.json";

    /** @param localPasswords false: the API's HTTP Basic is refused (403), whatever the credentials */
    public AuthGate(UserService users, AuthService auth, Sessions sessions, VerifiedCredentials verified,
                    boolean localPasswords) {
        this(users, auth, sessions, verified, localPasswords, null, true);
    }

    /**
     * @param tokens personal API tokens ({@code Authorization: Bearer}), or null for none
     * @param apiBasic false: the API refuses HTTP Basic even with local passwords on (tokens only)
     */
    public AuthGate(UserService users, AuthService auth, Sessions sessions, VerifiedCredentials verified,
                    boolean localPasswords, ApiTokens tokens, boolean apiBasic) {
        this.users = users;
        this.auth = auth;
        this.sessions = sessions;
        this.verified = verified;
        this.localPasswords = localPasswords;
        this.tokens = tokens;
        this.apiBasic = apiBasic;
    }

    /** Before-handler for every request. */
    public void before(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/assets/") || path.equals("/health") || path.startsWith("/health/")
                || path.startsWith("/ical/")) { // calendar feeds: opened by their feed token, never a session
            return;
        }
        if (path.equals(OPENAPI)) {
            return; // the API's contract: public, it holds no data
        }
        if (path.startsWith("/display/")) {
            return; // door displays: no session; the core checks the room's display token on every request
        }
        if (path.equals("/api") || path.startsWith("/api/")) {
            api(ctx);
        } else {
            page(ctx);
        }
    }

    private void api(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (tokens != null && authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ApiTokens.Bearer bearer = tokens.resolve(authorization.substring(BEARER.length()).strip())
                    .orElseThrow(TokenRefusedException::new);
            TokenScopes.require(bearer.token().scope(), ctx.method(), ctx.path());
            CurrentUser.set(ctx, bearer.user(), null);
            return;
        }
        if (!localPasswords) {
            throw LocalPasswordsOffException.forApi();
        }
        if (!apiBasic) {
            throw new TokenRefusedException();
        }
        BasicCredentials credentials = BasicCredentials.parse(ctx.header("Authorization"))
                .orElseThrow(SignInRequiredException::forApi);
        try {
            CurrentUser.set(ctx, verify(credentials, ClientAddress.of(ctx)), null);
        } finally {
            credentials.wipe();
        }
    }

    private User verify(BasicCredentials c, String address) {
        Optional<String> known = verified.userIdFor(c.email(), c.password());
        if (known.isPresent()) {
            Optional<User> user = activeUser(known.get());
            if (user.isPresent()) {
                return user.get();
            }
            verified.forget(known.get());
            throw new AuthenticationFailedException();
        }
        return verified.verifyOnce(c.email(), c.password(), () -> auth.signIn(c.email(), c.password(), address), User::id);
    }

    private void page(Context ctx) {
        boolean publicPage = PUBLIC_PAGES.contains(ctx.path());
        String id = SessionCookie.read(ctx);
        if (id == null || id.isEmpty()) {
            if (!publicPage) {
                throw new SignInRequiredException(next(ctx), false);
            }
            return;
        }
        Optional<User> user = sessions.use(id).flatMap(s -> activeUser(s.userId()));
        if (user.isPresent()) {
            CurrentUser.set(ctx, user.get(), id);
            return;
        }
        sessions.end(id); // expired, or its user was deactivated: signed out now
        SessionCookie.clear(ctx);
        if (!publicPage) {
            throw new SignInRequiredException(next(ctx), true);
        }
    }

    private Optional<User> activeUser(String userId) {
        try {
            User user = users.get(userId);
            return user.active() ? Optional.of(user) : Optional.empty();
        } catch (UserNotFoundException gone) {
            return Optional.empty();
        }
    }

    /** Where to return after signing in: the page asked for, for GETs only (a POST cannot be replayed). */
    private static String next(Context ctx) {
        if (ctx.method() != HandlerType.GET) {
            return null;
        }
        String query = ctx.queryString();
        String next = query == null || query.isEmpty() ? ctx.path() : ctx.path() + "?" + query;
        return next.length() > MAX_NEXT ? ctx.path() : next;
    }
}
