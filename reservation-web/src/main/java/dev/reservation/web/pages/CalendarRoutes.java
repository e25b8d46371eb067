package dev.reservation.web.pages;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import dev.reservation.core.notify.FeedToken;
import dev.reservation.core.notify.FeedTokens;
import dev.reservation.core.notify.NotificationPreferences;
import dev.reservation.core.service.RoomService;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.notify.MailStatus;
import dev.reservation.web.pages.view.CalendarView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /account/calendar}: the signed-in user's calendar feeds (issue, rotate, revoke; a new URL
 * is shown once, in the answer to the POST that made it, never stored or cached) and their e-mail
 * notification choice. Thread-safe.
 */
public final class CalendarRoutes {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Pages pages;
    private final FeedTokens tokens;
    private final NotificationPreferences prefs;
    private final RoomService rooms;
    private final MailStatus mail;

    public CalendarRoutes(Pages pages, FeedTokens tokens, NotificationPreferences prefs, RoomService rooms,
                          MailStatus mail) {
        this.pages = pages;
        this.tokens = tokens;
        this.prefs = prefs;
        this.rooms = rooms;
        this.mail = mail;
    }

    public void register(RoutesConfig routes) {
        routes.get("/account/calendar", ctx -> show(ctx, null, ctx.queryParam("saved") != null
                ? "Notification choices saved." : null));
        routes.post("/account/calendar/feeds", this::feeds);
        routes.post("/account/calendar/notifications", ctx -> {
            User me = CurrentUser.get(ctx);
            prefs.setEmailEnabled(CurrentUser.actor(ctx), me.id(), "on".equals(ctx.formParam("email")));
            ctx.redirect("account".equals(ctx.formParam("back")) ? "/account?saved=1" : "/account/calendar?saved=1",
                    HttpStatus.SEE_OTHER); // back to the page the form was on
        });
    }

    /** The URL a feed token opens, on this server as the browser reached it. */
    public static String feedUrl(String base, String feed, String token) {
        return FeedTokens.url(base, feed, token);
    }

    private void feeds(Context ctx) {
        User me = CurrentUser.get(ctx);
        Actor actor = CurrentUser.actor(ctx);
        String feed = ctx.formParam("feed");
        String action = ctx.formParam("action");
        if (feed == null || action == null) {
            throw new InvalidInputException("feed", "choose a feed and an action");
        }
        ctx.header("Cache-Control", "no-store");
        if ("revoke".equals(action)) {
            tokens.revoke(actor, me.id(), feed);
            show(ctx, null, "Feed revoked: its URL opens nothing any more.");
            return;
        }
        FeedTokens.Issued issued = tokens.issue(actor, me.id(), feed);
        String base = ctx.scheme() + "://" + ctx.host();
        show(ctx, new CalendarView.Issued(label(feed, roomNames()), feedUrl(base, feed, issued.token())),
                "New feed URL issued; an earlier URL of the same feed stopped working.");
    }

    private Map<String, String> roomNames() {
        return rooms.list().stream().collect(Collectors.toMap(Room::id, Room::name, (a, b) -> a));
    }

    private static String label(String feed, Map<String, String> names) {
        if (FeedToken.USER_FEED.equals(feed)) {
            return "My reservations";
        }
        String id = feed.substring("room:".length());
        return "Room " + names.getOrDefault(id, id);
    }

    private void show(Context ctx, CalendarView.Issued issued, String notice) {
        User me = CurrentUser.get(ctx);
        Actor actor = CurrentUser.actor(ctx);
        List<Room> all = rooms.list();
        Map<String, String> names = all.stream().collect(Collectors.toMap(Room::id, Room::name, (a, b) -> a));
        String selected = ctx.queryParam("room");
        List<CalendarView.Feed> feeds = tokens.list(actor, me.id()).stream()
                .map(t -> new CalendarView.Feed(t.feed(), label(t.feed(), names), CREATED.format(t.createdAt())))
                .toList();
        List<CalendarView.RoomChoice> choices = all.stream().filter(Room::active)
                .map(r -> new CalendarView.RoomChoice(r.id(), r.name(), r.id().equals(selected))).toList();
        pages.page(ctx, "calendar.jte", "Calendar and notifications", new CalendarView(feeds, issued, choices,
                prefs.emailEnabled(actor, me.id()), mail.enabled(), mail.description(), notice));
    }

}
