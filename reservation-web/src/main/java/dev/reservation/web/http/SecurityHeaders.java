package dev.reservation.web.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Security headers on every response: a CSP without 'unsafe-inline' (all CSS and JS are files
 * served by the app), no framing, no MIME sniffing, no referrer leaking across sites. Forms may
 * post only to this site, and to the extra origins given (the OpenID provider's end-session
 * endpoint: the sign-out form's redirect goes there, and browsers apply form-action to a form's
 * redirects too). Immutable and thread-safe.
 */
public final class SecurityHeaders {
    static final String CSP = csp(List.of());
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\[\\]:-]+");

    private final String csp;

    /** @param formTargets further origins ({@code https://host[:port]}) forms may post or redirect to */
    public SecurityHeaders(List<String> formTargets) {
        for (String o : formTargets) {
            if (!ORIGIN.matcher(o).matches()) {
                throw new IllegalArgumentException("'" + o + "' is not an origin like https://login.example.com");
            }
        }
        this.csp = csp(formTargets);
    }

    private static String csp(List<String> formTargets) {
        String extra = formTargets.isEmpty() ? "" : " " + String.join(" ", formTargets);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " form-action 'self'" + extra + "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    public void apply(Context ctx) {
        ctx.header("Content-Security-Policy", csp);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!ctx.path().startsWith("/assets/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
