package dev.reservation.web.pages;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Room;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReservationView;
import dev.reservation.core.service.RoomService;
import dev.reservation.core.service.UserService;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.web.api.RoomDto;
import dev.reservation.web.api.UserDto;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.http.Params;
import dev.reservation.web.pages.view.ReservationsView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The /reservations page (filters by room, user, date range and status; cancel buttons where the
 * signed-in user may cancel) and the cancel form post. A MEMBER sees others' reservations as busy
 * slots and filters only by themselves. Dates are days in the chosen room's zone, or in UTC when
 * no room is chosen. Thread-safe.
 */
public final class ReservationRoutes {
    static final int PAGE_LIMIT = 500;

    private final Pages pages;
    private final ReservationService reservations;
    private final RoomService rooms;
    private final UserService users;
    private final ReservationRows rows;

    public ReservationRoutes(Pages pages, ReservationService reservations, RoomService rooms, UserService users,
                             ReservationRows rows) {
        this.pages = pages;
        this.reservations = reservations;
        this.rooms = rooms;
        this.users = users;
        this.rows = rows;
    }

    public void register(RoutesConfig routes) {
        routes.get("/reservations", this::list);
        routes.post("/reservations/{id}/cancel", this::cancel);
    }

    private void list(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        Params p = new Params();
        Optional<String> roomId = p.text("roomId", ctx.queryParam("roomId"), 64, false);
        Optional<String> userId = p.text("userId", ctx.queryParam("userId"), 64, false);
        Optional<LocalDate> from = p.date("from", ctx.queryParam("from"), false);
        Optional<LocalDate> to = p.date("to", ctx.queryParam("to"), false);
        Optional<String> status = p.text("status", ctx.queryParam("status"), 16, false);
        List<Room> allRooms = rooms.list();
        ZoneId zone = roomId.flatMap(id -> allRooms.stream().filter(r -> r.id().equals(id)).findFirst())
                .map(Room::zone).orElse(ZoneOffset.UTC);
        ReservationQuery query = ReservationQuery.all().limit(PAGE_LIMIT + 1);
        query = roomId.map(query::room).orElse(query);
        query = userId.map(query::user).orElse(query);
        if (status.isPresent()) {
            try {
                query = query.status(ReservationStatus.valueOf(status.get().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                p.reject("status", "status must be one of PENDING, CONFIRMED, CANCELLED, DECLINED, EXPIRED, AUTO_RELEASED, HELD");
            }
        }
        if (from.isPresent() || to.isPresent()) {
            LocalDate first = from.orElse(LocalDate.of(1970, 1, 1));
            LocalDate last = to.orElse(LocalDate.of(9999, 1, 1));
            if (last.isBefore(first)) {
                p.reject("to", "'to' must not be before 'from'");
            } else {
                query = query.window(first.atStartOfDay(zone).toInstant(),
                        last.plusDays(1).atStartOfDay(zone).toInstant());
            }
        }
        List<ReservationView> found = p.hasErrors() ? List.of() : reservations.find(actor, query);
        if (p.hasErrors()) {
            ctx.status(400);
        }
        boolean truncated = found.size() > PAGE_LIMIT;
        ReservationsView view = new ReservationsView(roomId.orElse(""), userId.orElse(""),
                from.map(LocalDate::toString).orElse(""), to.map(LocalDate::toString).orElse(""),
                status.orElse(""), allRooms.stream().map(RoomDto::of).toList(),
                actor.isAdmin() ? users.list().stream().map(UserDto::of).toList()
                        : List.of(UserDto.of(CurrentUser.get(ctx))), p.errors(),
                rows.of(truncated ? found.subList(0, PAGE_LIMIT) : found, actor, ViewerZone.of(ctx)), truncated, PAGE_LIMIT,
                notice(ctx, actor));
        pages.page(ctx, "reservations.jte", "Reservations", view);
    }

    private String notice(Context ctx, Actor actor) {
        String booked = ctx.queryParam("booked");
        String cancelled = ctx.queryParam("cancelled");
        String id = booked != null ? booked : cancelled;
        if (id == null || id.length() > 64) {
            return null;
        }
        try {
            var row = rows.of(List.of(reservations.get(actor, id)), actor, ViewerZone.of(ctx)).get(0);
            String what = row.roomName() + ", " + row.when();
            return (booked != null ? "Booked: “" : "Cancelled: “") + row.title() + "” — " + what;
        } catch (ReservationException e) {
            return null;
        }
    }

    private void cancel(Context ctx) {
        Reservation cancelled = reservations.cancel(CurrentUser.actor(ctx), ctx.pathParam("id"));
        ctx.redirect(Links.to("/reservations", "cancelled", cancelled.id()), HttpStatus.SEE_OTHER);
    }
}
