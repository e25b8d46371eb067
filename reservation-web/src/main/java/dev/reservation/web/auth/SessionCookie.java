package dev.reservation.web.auth;

import dev.reservation.web.http.Requests;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site posts),
 * {@code Secure} when the request came over TLS, no Max-Age (it ends with the browser; the server
 * ends it sooner on idle or absolute expiry). Stateless; thread-safe.
 */
public final class SessionCookie {
    public static final String NAME = "session";

    private SessionCookie() {
    }

    public static String read(Context ctx) {
        return ctx.cookie(NAME);
    }

    public static void set(Context ctx, String sessionId) {
        ctx.cookie(new Cookie(NAME, sessionId, "/", -1, secure(ctx), true, null, SameSite.LAX));
    }

    public static void clear(Context ctx) {
        ctx.cookie(new Cookie(NAME, "", "/", 0, secure(ctx), true, null, SameSite.LAX));
    }

    /**
     * True when this request reached the server over TLS, or reached a TLS-terminating proxy that
     * says so with {@code X-Forwarded-Proto: https}. Believing that header is harmless: a Secure
     * flag on a plain connection only keeps the cookie from being sent back over plain HTTP.
     */
    public static boolean secure(Context ctx) {
        return Requests.isHttps(ctx);
    }
}
