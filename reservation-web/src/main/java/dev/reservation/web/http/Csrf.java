package dev.reservation.web.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF protection for the pages' form posts, by double submit: a random token lives in an
 * HttpOnly, SameSite=Strict cookie and in a hidden {@value #FIELD} field of every form; a POST
 * whose field does not match its cookie is refused with 403 before any handler runs. The JSON API
 * is not covered here: it only accepts {@code application/json} bodies and custom headers, which a
 * cross-site form cannot send. Thread-safe.
 */
public final class Csrf {
    public static final String COOKIE = "csrf_token";
    public static final String FIELD = "_csrf";
    private static final String ATTRIBUTE = "csrfToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    /** Before-handler for page requests: makes sure a token exists, and checks it on POST. */
    public static void guard(Context ctx) {
        if (Requests.isApi(ctx) || ctx.path().startsWith("/assets/")
                || ctx.path().startsWith("/display/")) { // the display token is no ambient credential: no CSRF
            return;
        }
        String cookie = ctx.cookie(COOKIE);
        boolean valid = cookie != null && cookie.length() == 43 && cookie.matches("[A-Za-z0-9_-]+");
        if (ctx.method() == HandlerType.POST) {
            String field = ctx.formParam(FIELD);
            if (!valid || field == null || !MessageDigest.isEqual(
                    cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.UTF_8))) {
                throw new ForbiddenResponse("this form has expired or did not come from this site (CSRF check"
                        + " failed); go back, reload the page and submit again");
            }
        }
        if (valid) {
            ctx.attribute(ATTRIBUTE, cookie);
        } else {
            rotate(ctx);
        }
    }

    /**
     * Gives this browser a fresh token (forms rendered for this request carry it). Called at
     * sign-in and sign-out, so a token seen before cannot be used across them.
     */
    public static void rotate(Context ctx) {
        String token = newToken();
        ctx.cookie(new Cookie(COOKIE, token, "/", -1, Requests.isHttps(ctx), true, null, SameSite.STRICT));
        ctx.attribute(ATTRIBUTE, token);
    }

    /** The token to put into the hidden field of forms rendered for this request. */
    public static String token(Context ctx) {
        String token = ctx.attribute(ATTRIBUTE);
        return token == null ? "" : token;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
