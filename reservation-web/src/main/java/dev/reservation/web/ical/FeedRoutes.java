package dev.reservation.web.ical;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code GET /ical/users/{token}.ics} and {@code GET /ical/rooms/{id}.ics?token=…}: calendar feeds
 * read without a session, opened by a feed token (see {@link dev.reservation.core.notify.FeedTokens}).
 * An unknown, rotated or revoked token, or one for another feed, answers 404 (the same answer as a
 * room that does not exist: a token cannot be probed). {@code If-None-Match} with the current ETag
 * answers 304 without writing the calendar. Thread-safe.
 */
public final class FeedRoutes {
    public static final String PREFIX = "/ical/";
    static final String CONTENT_TYPE = "text/calendar; charset=utf-8";

    private final CalendarFeeds feeds;

    public FeedRoutes(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    public void register(RoutesConfig routes) {
        routes.get("/ical/users/{file}", ctx -> answer(ctx, ics(ctx.pathParam("file")).flatMap(feeds::userFeed)));
        routes.get("/ical/rooms/{file}", ctx -> answer(ctx, ics(ctx.pathParam("file"))
                .flatMap(room -> feeds.roomFeed(room, ctx.queryParam("token")))));
    }

    private static Optional<String> ics(String file) {
        return file.endsWith(".ics") && file.length() > 4 ? Optional.of(file.substring(0, file.length() - 4))
                : Optional.empty();
    }

    private static void answer(Context ctx, Optional<CalendarFeeds.Prepared> feed) {
        ctx.header("Cache-Control", "private, no-cache");
        ctx.header("Referrer-Policy", "no-referrer");
        if (feed.isEmpty()) {
            ctx.status(404).contentType("text/plain; charset=utf-8")
                    .result("No such calendar feed: the link may have been rotated or revoked.\n");
            return;
        }
        CalendarFeeds.Prepared f = feed.get();
        ctx.header("ETag", f.etag());
        String match = ctx.header("If-None-Match");
        if (match != null && matches(match, f.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(CONTENT_TYPE).result(f.render());
    }

    private static boolean matches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals(etag) || c.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
