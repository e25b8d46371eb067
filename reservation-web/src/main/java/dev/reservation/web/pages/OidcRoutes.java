package dev.reservation.web.pages;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.reservation.core.auth.SecretDigest;
import dev.reservation.core.auth.Sessions;
import dev.reservation.core.domain.AccountDeactivatedException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.AuthService;
import dev.reservation.web.auth.AuthGate;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.auth.SessionCookie;
import dev.reservation.web.http.Csrf;
import dev.reservation.web.oidc.LoginAttempt;
import dev.reservation.web.oidc.OidcFailure;
import dev.reservation.web.oidc.OidcProvider;
import dev.reservation.web.oidc.ProviderIdentity;
import dev.reservation.web.oidc.Sealer;
import dev.reservation.web.pages.view.SignInFailedView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in through the OpenID provider. {@value AuthGate#OIDC_START} starts an attempt (see
 * {@link LoginAttempt}) and sends the browser to the provider; the attempt is sealed into an
 * HttpOnly, SameSite=Lax cookie named after its state, valid 10 minutes and sent only to
 * {@code /oidc/...}, so the provider's redirect to {@value AuthGate#OIDC_CALLBACK} may land on any
 * app instance (they share the sealing key through the client secret) and several tabs may sign in
 * at once (at most {@value #MAX_ATTEMPTS} attempts are kept per browser). The callback completes
 * it through {@link OidcProvider}, matches or provisions the user in the core, and starts the same
 * kind of session a password sign-in starts ({@link Sessions#create}). Every failure answers a page
 * saying what happened with a link back to sign-in; the log gets one line without anything secret.
 *
 * <p>Sign-out: the ID token of the sign-in is kept sealed in a cookie sent only to {@code /signout}
 * and tied to the session; sign-out then also ends the session at the provider (its
 * {@code end_session_endpoint}, with {@code id_token_hint}, {@code client_id} and a
 * {@code post_logout_redirect_uri} back to {@code /signin?out=1}). Thread-safe.
 */
public final class OidcRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(OidcRoutes.class);
    static final String ATTEMPT_COOKIE_PREFIX = "oidc_login_";
    static final String HINT_COOKIE = "oidc_signout";
    static final String HINT_PURPOSE = "oidc-signout";
    static final int MAX_ATTEMPTS = 3;
    /** Browsers drop cookies over 4 KiB; a bigger ID token is not kept (sign-out then sends only the client id). */
    static final int MAX_HINT_COOKIE = 3800;
    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

    private final Pages pages;
    private final OidcProvider provider;
    private final AuthService auth;
    private final Sessions sessions;
    private final Sealer sealer;
    private final Duration sessionMax;

    public OidcRoutes(Pages pages, OidcProvider provider, AuthService auth, Sessions sessions, Clock clock,
                      Duration sessionMax) {
        this.pages = pages;
        this.provider = provider;
        this.auth = auth;
        this.sessions = sessions;
        this.sealer = new Sealer(provider.settings().clientSecret().getValueBytes(), clock);
        this.sessionMax = sessionMax;
    }

    public void register(RoutesConfig routes) {
        routes.get(AuthGate.OIDC_START, this::start);
        routes.get(AuthGate.OIDC_CALLBACK, this::callback);
    }

    public String providerName() {
        return provider.name();
    }

    private void start(Context ctx) {
        String next = Links.local(ctx.queryParam("next"), "/");
        if (CurrentUser.find(ctx).isPresent()) {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        String base = baseUrl(ctx);
        if (base == null) {
            fail(ctx, new OidcFailure(OidcFailure.Kind.UNKNOWN_ATTEMPT, "This request does not say which site it"
                    + " is for (no usable Host header), so " + provider.name() + " could not send you back.",
                    "no usable Host header and no --public-url"));
            return;
        }
        keepNewestAttempts(ctx, MAX_ATTEMPTS - 1);
        LoginAttempt attempt = LoginAttempt.start(next, URI.create(base + AuthGate.OIDC_CALLBACK));
        ctx.cookie(cookie(ctx, ATTEMPT_COOKIE_PREFIX + attempt.state().getValue(),
                sealer.seal(LoginAttempt.PURPOSE, attempt.claims(), LoginAttempt.TTL), "/oidc",
                (int) LoginAttempt.TTL.toSeconds()));
        ctx.redirect(provider.authorizationUri(attempt).toString(), HttpStatus.SEE_OTHER);
    }

    private void callback(Context ctx) {
        String state = ctx.queryParam("state");
        Optional<LoginAttempt> attempt = Optional.empty();
        if (state != null && STATE.matcher(state).matches()) {
            String name = ATTEMPT_COOKIE_PREFIX + state;
            attempt = sealer.open(LoginAttempt.PURPOSE, ctx.cookie(name)).flatMap(LoginAttempt::from);
            if (ctx.cookie(name) != null) {
                ctx.cookie(cookie(ctx, name, "", "/oidc", 0)); // one use: a replayed redirect finds no attempt
            }
        }
        try {
            URI callback = URI.create(attempt.map(a -> a.redirectUri().toString())
                    .orElse("http://localhost" + AuthGate.OIDC_CALLBACK) + "?" + nullToEmpty(ctx.queryString()));
            OidcProvider.Completed done = provider.complete(callback, attempt);
            User user = signIn(done.identity());
            sessions.end(SessionCookie.read(ctx));
            String sessionId = sessions.create(user.id());
            SessionCookie.set(ctx, sessionId);
            Csrf.rotate(ctx);
            rememberForSignOut(ctx, done.idToken(), sessionId);
            LOG.info("OIDC sign-in through {}: user {} ({})", provider.name(), user.id(), user.role());
            ctx.redirect(Links.local(attempt.get().next(), "/"), HttpStatus.SEE_OTHER);
        } catch (OidcFailure failure) {
            fail(ctx, failure);
        } catch (IllegalArgumentException malformed) { // a query string no URI can hold
            fail(ctx, new OidcFailure(OidcFailure.Kind.UNKNOWN_ATTEMPT, "This is not a sign-in answer this app can"
                    + " read. Start signing in again.", "malformed callback query"));
        }
    }

    private User signIn(ProviderIdentity who) {
        try {
            return auth.signInVerifiedEmail(who.email(), who.name(), provider.settings().defaultRole(), who.role());
        } catch (AccountDeactivatedException deactivated) {
            throw new OidcFailure(OidcFailure.Kind.DEACTIVATED, "Your account here (" + who.email() + ") is"
                    + " deactivated, so you cannot sign in. Ask an administrator to reactivate it.",
                    "account deactivated");
        } catch (InvalidInputException notAnEmail) {
            throw new OidcFailure(OidcFailure.Kind.NO_USABLE_EMAIL, provider.name() + " gave an email address this"
                    + " app cannot use. Ask whoever runs " + provider.name() + " about it.",
                    "unusable email claim: " + notAnEmail.getMessage());
        }
    }

    private void fail(Context ctx, OidcFailure failure) {
        LOG.info("OIDC sign-in through {} failed: {} ({})", provider.name(), failure.kind(), failure.logDetail());
        ctx.status(failure.status());
        String heading = switch (failure.kind()) {
            case CANCELLED -> "Sign-in cancelled";
            case EMAIL_NOT_VERIFIED, NO_USABLE_EMAIL, DEACTIVATED -> "You cannot sign in here";
            default -> "Sign-in did not complete";
        };
        pages.page(ctx, "signin-failed.jte", heading, new SignInFailedView(heading, failure.getMessage(),
                AuthGate.SIGN_IN, provider.name()));
    }

    /**
     * Where sign-out sends the browser once the local session {@code endedSessionId} has ended:
     * the provider's end-session endpoint when this session was signed in through it and the
     * provider has one, else {@code /signin?out=1}. Clears the sign-out cookie either way.
     */
    public String afterSignOut(Context ctx, String endedSessionId) {
        String local = AuthGate.SIGN_IN + "?out=1";
        String sealed = ctx.cookie(HINT_COOKIE);
        if (sealed == null) {
            return local;
        }
        forgetProviderSession(ctx);
        Optional<JWTClaimsSet> hint = sealer.open(HINT_PURPOSE, sealed);
        String base = baseUrl(ctx);
        if (hint.isEmpty() || endedSessionId == null || base == null
                || !SecretDigest.sha256Hex(endedSessionId).equals(hint.get().getClaim("sid"))) {
            return local;
        }
        Object idToken = hint.get().getClaim("idt");
        return provider.endSessionUri(idToken instanceof String s ? s : null, URI.create(base + local))
                .map(URI::toString).orElse(local);
    }

    /** Drops the sign-out hint: after a password sign-in, the provider's session is not this one's. */
    public void forgetProviderSession(Context ctx) {
        ctx.cookie(cookie(ctx, HINT_COOKIE, "", "/signout", 0));
    }

    private void rememberForSignOut(Context ctx, String idToken, String sessionId) {
        String sid = SecretDigest.sha256Hex(sessionId);
        String sealed = sealer.seal(HINT_PURPOSE, Map.of("sid", sid, "idt", idToken), sessionMax);
        if (sealed.length() > MAX_HINT_COOKIE) {
            sealed = sealer.seal(HINT_PURPOSE, Map.of("sid", sid), sessionMax);
        }
        ctx.cookie(cookie(ctx, HINT_COOKIE, sealed, "/signout", (int) sessionMax.toSeconds()));
    }

    /** Clears all but the newest {@code keep} login attempts this browser holds (and any that no longer open). */
    private void keepNewestAttempts(Context ctx, int keep) {
        record Held(String name, long issued) {
        }
        List<Held> held = new ArrayList<>();
        for (Map.Entry<String, String> c : ctx.cookieMap().entrySet()) {
            if (!c.getKey().startsWith(ATTEMPT_COOKIE_PREFIX)) {
                continue;
            }
            Optional<JWTClaimsSet> open = sealer.open(LoginAttempt.PURPOSE, c.getValue());
            if (open.isEmpty() || open.get().getIssueTime() == null) {
                ctx.cookie(cookie(ctx, c.getKey(), "", "/oidc", 0));
            } else {
                held.add(new Held(c.getKey(), open.get().getIssueTime().getTime()));
            }
        }
        held.sort(Comparator.comparingLong(Held::issued).reversed());
        for (Held h : held.subList(Math.min(keep, held.size()), held.size())) {
            ctx.cookie(cookie(ctx, h.name(), "", "/oidc", 0));
        }
    }

    /** The app's origin: {@code --public-url} if set, else the scheme and Host header of this request. */
    private String baseUrl(Context ctx) {
        URI configured = provider.settings().publicUrl();
        if (configured != null) {
            return configured.toString();
        }
        String host = ctx.header("Host");
        if (host == null || !HOST.matcher(host).matches()) {
            return null;
        }
        return (SessionCookie.secure(ctx) ? "https" : "http") + "://" + host;
    }

    private static Cookie cookie(Context ctx, String name, String value, String path, int maxAge) {
        return new Cookie(name, value, path, maxAge, SessionCookie.secure(ctx), true, null, SameSite.LAX);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
