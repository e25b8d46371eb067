package dev.reservation.web.pages;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReservationView;
import dev.reservation.core.service.RoomService;
import dev.reservation.core.service.UserService;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.pages.view.ReservationDetailView;
import dev.reservation.web.pages.view.ReservationRow;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /reservations/{id}}: one reservation with its audit trail (created by and when,
 * cancelled by and when) for its owner and ADMINs; a busy slot without title or owner for other
 * MEMBERs. Thread-safe.
 */
public final class ReservationDetailRoutes {
    private final Pages pages;
    private final ReservationService reservations;
    private final RoomService rooms;
    private final UserService users;
    private final ReservationRows rows;

    public ReservationDetailRoutes(Pages pages, ReservationService reservations, RoomService rooms,
                                   UserService users, ReservationRows rows) {
        this.pages = pages;
        this.reservations = reservations;
        this.rooms = rooms;
        this.users = users;
        this.rows = rows;
    }

    public void register(RoutesConfig routes) {
        routes.get("/reservations/{id}", this::show);
    }

    private void show(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        ReservationView view = reservations.get(actor, ctx.pathParam("id"));
        ReservationRow row = rows.of(List.of(view), actor, ViewerZone.of(ctx)).get(0);
        ReservationDetailView detail = view.details()
                .map(r -> audit(row, r))
                .orElseGet(() -> new ReservationDetailView(row, null, null, null, null));
        pages.page(ctx, "reservation.jte", row.title(), detail);
    }

    private ReservationDetailView audit(ReservationRow row, Reservation r) {
        Map<String, User> byId = users.list().stream().collect(Collectors.toMap(User::id, Function.identity()));
        ZoneId zone = zone(r.roomId());
        return new ReservationDetailView(row, ReservationRows.name(byId, r.createdBy()), moment(r.createdAt(), zone),
                r.cancelledBy() == null ? null : ReservationRows.name(byId, r.cancelledBy()),
                r.cancelledAt() == null ? null : moment(r.cancelledAt(), zone),
                dev.reservation.core.series.SeriesService.seriesIdOf(r).orElse(null));
    }

    private ZoneId zone(String roomId) {
        try {
            Room room = rooms.get(roomId);
            return room.zone();
        } catch (RoomNotFoundException gone) {
            return ZoneOffset.UTC;
        }
    }

    private static String moment(Instant at, ZoneId zone) {
        return Format.moment(at, zone) + " (" + zone.getId() + ")";
    }
}
