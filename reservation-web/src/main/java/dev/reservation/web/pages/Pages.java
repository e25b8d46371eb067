package dev.reservation.web.pages;

import dev.reservation.web.api.ApiError;
import dev.reservation.web.api.UserDto;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.http.Csrf;
import dev.reservation.web.errors.ErrorMapper;
import dev.reservation.web.pages.view.Chrome;
import dev.reservation.web.pages.view.ErrorView;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;
import dev.reservation.web.pages.view.DemoAccounts;

/**
 * Renders pages from the templates precompiled at build time (no compiler needed at run time;
 * HTML content type, so every {@code ${...}} is escaped for its context). Builds the chrome every
 * page shares and renders error pages for the {@link ErrorMapper}. Thread-safe.
 */
public final class Pages implements ErrorMapper.ErrorPageRenderer {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final boolean localPasswords;
    private final DemoAccounts demo;

    public Pages() {
        this(true, DemoAccounts.NONE);
    }

    /**
     * @param localPasswords false: pages offer no password forms (and say the API is off)
     * @param demo the demo accounts to offer on the sign-in page (only on the embedded default)
     */
    public Pages(boolean localPasswords, DemoAccounts demo) {
        this.localPasswords = localPasswords;
        this.demo = demo;
    }

    /** Whether local passwords are on: routes that set or check one refuse them when off. */
    public boolean localPasswords() {
        return localPasswords;
    }

    /** Renders {@code template} with params {@code chrome} and {@code view}; the status is left as set. */
    public void page(Context ctx, String template, String title, Object view) {
        StringOutput out = new StringOutput();
        engine.render(template, Map.of("chrome", chrome(ctx, title), "view", view), out);
        ctx.html(out.toString());
    }

    /** Renders {@code template} with only {@code view} (a page without the chrome, e.g. the door display). */
    public void bare(Context ctx, String template, Object view) {
        StringOutput out = new StringOutput();
        engine.render(template, Map.of("view", view), out);
        ctx.html(out.toString());
    }

    /** The shared chrome; reads no store, so that error pages render while the store is down. */
    public Chrome chrome(Context ctx, String title) {
        return new Chrome(title, ctx.path(), Csrf.token(ctx), CurrentUser.find(ctx).map(UserDto::of).orElse(null),
                localPasswords, demo);
    }

    @Override
    public void render(Context ctx, ApiError error) {
        ErrorView view = new ErrorView(error.status(), heading(error.status()), error.error(), error.fields(),
                "UNKNOWN".equals(error.outcome()), error.reservationId(), error.idempotencyKey());
        page(ctx, "error.jte", heading(error.status()), view);
    }

    private static String heading(int status) {
        return switch (status) {
            case 400 -> "That input cannot be used";
            case 401 -> "Please sign in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Not allowed here";
            case 409 -> "Conflict";
            case 413 -> "Too much data";
            case 415 -> "Unsupported content";
            case 422 -> "Already used";
            case 429 -> "Too many attempts";
            case 503 -> "Temporarily unavailable";
            default -> "Something went wrong";
        };
    }
}
