package dev.reservation.web.http;

import io.javalin.http.Context;

/** What kind of request this is, as every layer of the web app tells it. Stateless. */
public final class Requests {
    private Requests() {
    }

    /** True for the JSON API and the health checks: they answer in JSON, never with a page or a redirect. */
    public static boolean isApi(Context ctx) {
        String path = ctx.path();
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/health");
    }

    /** True when the client reached us over HTTPS, directly or through a proxy that says so. */
    public static boolean isHttps(Context ctx) {
        return ctx.req().isSecure() || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
