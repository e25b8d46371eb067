package dev.reservation.web.pages;

import dev.reservation.core.domain.User;
import dev.reservation.web.auth.CurrentUser;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The zone the person looking at a page is in: the one set on their account, else the one their
 * browser reports (app.js stores {@code Intl.DateTimeFormat().resolvedOptions().timeZone} in the
 * {@value #COOKIE} cookie), else unknown (null). Pages then show a room's times and, where they
 * differ, the viewer's. Stateless; thread-safe.
 */
public final class ViewerZone {
    public static final String COOKIE = "tz";

    private ViewerZone() {
    }

    public static ZoneId of(Context ctx) {
        ZoneId own = CurrentUser.find(ctx).map(User::zone).orElse(null);
        return own != null ? own : browser(ctx);
    }

    /** The browser's zone from its cookie; null when absent or not a zone. */
    public static ZoneId browser(Context ctx) {
        String raw = ctx.cookie(COOKIE);
        if (raw == null || raw.isBlank() || raw.length() > 64) {
            return null;
        }
        try {
            return ZoneId.of(java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8));
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }
}
