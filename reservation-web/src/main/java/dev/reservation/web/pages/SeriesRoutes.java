package dev.reservation.web.pages;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.series.Occurrence;
import dev.reservation.core.series.Series;
import dev.reservation.core.series.SeriesService;
import dev.reservation.core.series.SeriesState;
import dev.reservation.core.series.SeriesView;
import dev.reservation.core.service.RoomService;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.http.FieldErrorsException;
import dev.reservation.web.http.Params;
import dev.reservation.web.pages.view.SeriesPageView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The page of one series ({@code /series/{id}}): every day in the room's zone with its status, and
 * for its owner or an ADMIN the series actions: cancel one occurrence, it and all following, or the
 * whole series (post/redirect/get back to the page). Thread-safe.
 */
public final class SeriesRoutes {
    private final Pages pages;
    private final SeriesService series;
    private final RoomService rooms;

    public SeriesRoutes(Pages pages, SeriesService series, RoomService rooms) {
        this.pages = pages;
        this.series = series;
        this.rooms = rooms;
    }

    public void register(RoutesConfig routes) {
        routes.get("/series/{id}", ctx -> show(ctx, series.get(CurrentUser.actor(ctx), id(ctx))));
        routes.post("/series/{id}/cancel", ctx -> {
            series.cancel(CurrentUser.actor(ctx), id(ctx));
            back(ctx);
        });
        routes.post("/series/{id}/occurrences/{day}/cancel", ctx -> {
            series.cancelOccurrence(CurrentUser.actor(ctx), id(ctx), day(ctx));
            back(ctx);
        });
        routes.post("/series/{id}/occurrences/{day}/cancel-following", ctx -> {
            series.cancelFollowing(CurrentUser.actor(ctx), id(ctx), day(ctx));
            back(ctx);
        });
    }

    private void back(Context ctx) {
        ctx.redirect("/series/" + id(ctx), HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, SeriesView view) {
        Series s = view.series();
        Actor actor = CurrentUser.actor(ctx);
        Optional<Room> room;
        try {
            room = Optional.of(rooms.get(s.roomId()));
        } catch (RoomNotFoundException gone) {
            room = Optional.empty();
        }
        ZoneId zone = s.zone();
        boolean canChange = s.state() == SeriesState.ACTIVE
                && (actor.isAdmin() || actor.userId().equals(s.userId()));
        List<SeriesPageView.Day> days = view.occurrences().stream().map(o -> new SeriesPageView.Day(o.day().toString(),
                o.slot().map(slot -> Format.slot(slot, zone)).orElse(o.day() + " (" + zone.getId() + ")"),
                o.kind().name().toLowerCase(Locale.ROOT), o.status().map(st -> st.name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ')).orElse(""), o.reservationId().orElse(null), o.note().orElse(""),
                canChange && o.kind() == Occurrence.Kind.BOOKED && o.status().map(st -> st.holdsRoom()).orElse(false)))
                .toList();
        String summary = s.rule() + ", from " + s.firstDay() + " at " + s.startTime() + " for " + s.durationMinutes()
                + " minutes (" + zone.getId() + "); " + (s.mode() == dev.reservation.core.series.SeriesMode.ALL_OR_NOTHING
                ? "all or nothing" : "clashing dates skipped");
        SeriesPageView page = new SeriesPageView(s.id(), s.title(), s.roomId(), room.map(Room::name).orElse(s.roomId()),
                summary, s.state().name().toLowerCase(Locale.ROOT).replace('_', ' '), canChange, days);
        pages.page(ctx, "series.jte", s.title(), page);
    }

    private static String id(Context ctx) {
        return new Params().text("id", ctx.pathParam("id"), 64, true)
                .orElseThrow(() -> FieldErrorsException.of("id", "id is too long"));
    }

    private static LocalDate day(Context ctx) {
        Params p = new Params();
        Optional<LocalDate> day = p.date("day", ctx.pathParam("day"), true);
        p.throwIfAny();
        return day.orElseThrow();
    }
}
