package dev.reservation.web.pages;

import dev.reservation.core.domain.Room;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.RoomSchedule;
import dev.reservation.core.service.RoomService;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.http.Params;
import dev.reservation.web.pages.view.FinderForm;
import dev.reservation.web.pages.view.RoomRow;
import dev.reservation.web.pages.view.RoomView;
import dev.reservation.web.pages.view.RoomsView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The /rooms page with the free-room finder, and /rooms/{id} with its day or week grid. Thread-safe. */
public final class RoomRoutes {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final Pages pages;
    private final RoomService rooms;
    private final ReservationService reservations;
    private final RoomFinder finder;
    private final Clock clock;

    public RoomRoutes(Pages pages, RoomService rooms, ReservationService reservations, RoomFinder finder,
                      Clock clock) {
        this.pages = pages;
        this.rooms = rooms;
        this.reservations = reservations;
        this.finder = finder;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/rooms", this::list);
        routes.get("/rooms/{id}", this::show);
    }

    private void list(Context ctx) {
        List<RoomRow> all = rooms.list().stream().map(finder::withAvailability).toList();
        boolean searching = ctx.queryParam("date") != null;
        FinderForm form = searching ? finder.fromQuery(ctx) : finder.defaultForm(ViewerZone.of(ctx));
        Params params = new Params();
        Optional<RoomFinder.Result> result = searching ? finder.search(form, params) : Optional.empty();
        if (params.hasErrors()) {
            ctx.status(400);
        }
        pages.page(ctx, "rooms.jte", "Rooms", new RoomsView(all, form, finder.zones(), RoomFinder.equipmentLabels(),
                params.errors(), result.map(RoomFinder.Result::rooms).orElse(null),
                result.map(RoomFinder.Result::searched).orElse(null)));
    }

    private void show(Context ctx) {
        Room room = rooms.get(ctx.pathParam("id"));
        boolean week = !"day".equals(ctx.queryParam("view"));
        Params params = new Params();
        LocalDate today = clock.instant().atZone(room.zone()).toLocalDate();
        LocalDate first = params.date("date", ctx.queryParam("date"), false).orElse(today);
        params.throwIfAny();
        if (week) {
            first = first.minusDays(first.getDayOfWeek().getValue() - 1L);
        }
        int days = week ? 7 : 1;
        RoomSchedule schedule = reservations.schedule(CurrentUser.actor(ctx), room.id(), first, days);
        List<String> headers = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            headers.add(DAY.format(first.plusDays(d)));
        }
        String base = "/rooms/" + room.id();
        String mode = week ? "week" : "day";
        RoomView view = new RoomView(finder.withAvailability(room), week, first.toString(),
                Links.to(base, "view", mode, "date", first.minusDays(days).toString()),
                Links.to(base, "view", mode, "date", first.plusDays(days).toString()),
                Links.to(base, "view", "day", "date", week ? today.toString() : first.toString()),
                Links.to(base, "view", "week", "date", first.toString()),
                headers, TimeGrid.of(schedule, clock.instant()));
        pages.page(ctx, "room.jte", room.name(), view);
    }
}
