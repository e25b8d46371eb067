package dev.reservation.web.pages;

import dev.reservation.web.http.ClientAddress;
import dev.reservation.core.domain.AuthenticationFailedException;
import dev.reservation.core.domain.TooManySignInAttemptsException;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.AuthService;
import dev.reservation.web.auth.AuthGate;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.auth.SessionCookie;
import dev.reservation.core.auth.Sessions;
import dev.reservation.web.http.Csrf;
import dev.reservation.web.errors.ErrorMapper;
import dev.reservation.web.pages.view.SignInView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.Optional;

/**
 * Sign-in and sign-out for the pages. The sign-in page offers the password form when local
 * passwords are on and "Sign in with <provider>" when an OpenID provider is configured
 * ({@link OidcRoutes}). A successful password sign-in starts a new session (the old one, if
 * any, ends: no session fixation), gives a fresh CSRF token and returns to {@code next} when that
 * is a local path. A failure answers 401 with the same message for an unknown email, a wrong
 * password and a deactivated account; too many failures answer 429 with Retry-After; with local
 * passwords off a password post answers 403 and checks nothing. The password is never shown back
 * or logged. Sign-out ends the session here, then at the provider if it was signed in there.
 * Thread-safe.
 */
public final class SignInRoutes {
    private final Pages pages;
    private final AuthService auth;
    private final Sessions sessions;
    private final boolean localPasswords;
    private final Optional<OidcRoutes> oidc;

    public SignInRoutes(Pages pages, AuthService auth, Sessions sessions) {
        this(pages, auth, sessions, true, Optional.empty());
    }

    public SignInRoutes(Pages pages, AuthService auth, Sessions sessions, boolean localPasswords,
                        Optional<OidcRoutes> oidc) {
        this.pages = pages;
        this.auth = auth;
        this.sessions = sessions;
        this.localPasswords = localPasswords;
        this.oidc = oidc;
    }

    public void register(RoutesConfig routes) {
        routes.get(AuthGate.SIGN_IN, this::form);
        routes.post(AuthGate.SIGN_IN, this::signIn);
        routes.post("/signout", this::signOut);
    }

    private void form(Context ctx) {
        String next = Links.local(ctx.queryParam("next"), "/");
        if (CurrentUser.find(ctx).isPresent()) {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        String notice = ctx.queryParam("out") != null ? "You are signed out."
                : ctx.queryParam("ended") != null ? "Your session has ended; please sign in again." : null;
        show(ctx, view("", next, null, notice));
    }

    private void signIn(Context ctx) {
        String next = Links.local(ctx.formParam("next"), "/");
        if (!localPasswords) {
            ctx.status(403);
            show(ctx, view("", next, "Passwords are turned off on this server: sign in with "
                    + oidc.map(OidcRoutes::providerName).orElse("the configured provider") + " instead.", null));
            return;
        }
        String email = ctx.formParam("email");
        String password = ctx.formParam("password");
        email = email == null ? "" : email.strip();
        if (email.isEmpty() || password == null || password.isEmpty()) {
            ctx.status(400);
            show(ctx, view(shortened(email), next, "Enter your email and your password.", null));
            return;
        }
        char[] secret = password.toCharArray();
        User user;
        try {
            user = auth.signIn(email, secret, ClientAddress.of(ctx));
        } catch (AuthenticationFailedException failed) {
            ctx.status(401);
            show(ctx, view(shortened(email), next, capitalized(failed.getMessage()) + ".", null));
            return;
        } catch (TooManySignInAttemptsException blocked) {
            ctx.status(429).header("Retry-After", String.valueOf(ErrorMapper.retryAfterSeconds(blocked)));
            show(ctx, view(shortened(email), next, capitalized(blocked.getMessage()) + ".", null));
            return;
        } finally {
            Arrays.fill(secret, '\0');
        }
        sessions.end(SessionCookie.read(ctx));
        SessionCookie.set(ctx, sessions.create(user.id()));
        oidc.ifPresent(o -> o.forgetProviderSession(ctx));
        Csrf.rotate(ctx);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        String id = SessionCookie.read(ctx);
        sessions.end(id);
        SessionCookie.clear(ctx);
        Csrf.rotate(ctx);
        String target = oidc.map(o -> o.afterSignOut(ctx, id)).orElse(AuthGate.SIGN_IN + "?out=1");
        ctx.redirect(target, HttpStatus.SEE_OTHER);
    }

    private SignInView view(String email, String next, String error, String notice) {
        return new SignInView(email, next, error, notice, localPasswords,
                oidc.map(OidcRoutes::providerName).orElse(null), Links.to(AuthGate.OIDC_START, "next", next.equals("/") ? null : next));
    }

    private void show(Context ctx, SignInView view) {
        pages.page(ctx, "signin.jte", "Sign in", view);
    }

    private static String shortened(String email) {
        return email.length() > 254 ? email.substring(0, 254) : email;
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
