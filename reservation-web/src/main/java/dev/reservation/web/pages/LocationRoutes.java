package dev.reservation.web.pages;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Location;
import dev.reservation.core.domain.Room;
import dev.reservation.core.service.LocationService;
import dev.reservation.core.service.NewLocation;
import dev.reservation.core.service.RoomService;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.http.AdminInput;
import dev.reservation.web.http.Params;
import dev.reservation.web.pages.view.LocationsView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * /locations: the sites, buildings and floors rooms are in. Everyone signed in sees the list;
 * ADMINs add and edit locations there (a new site needs a zone, which then is the default zone of
 * its rooms). Thread-safe.
 */
public final class LocationRoutes {
    private final Pages pages;
    private final LocationService locations;
    private final RoomService rooms;

    public LocationRoutes(Pages pages, LocationService locations, RoomService rooms) {
        this.pages = pages;
        this.locations = locations;
        this.rooms = rooms;
    }

    public void register(RoutesConfig routes) {
        routes.get("/locations", ctx -> show(ctx, null, "", "", "", "", Map.of(), notice(ctx)));
        routes.get("/locations/{id}/edit", ctx -> {
            admin(ctx);
            Location l = locations.get(ctx.pathParam("id"));
            show(ctx, l.id(), l.site(), l.building(), l.floor() == null ? "" : l.floor(), l.zone().getId(), Map.of(),
                    null);
        });
        routes.post("/locations", ctx -> save(ctx, null));
        routes.post("/locations/{id}", ctx -> save(ctx, locations.get(ctx.pathParam("id")).id()));
    }

    private static String notice(Context ctx) {
        String saved = ctx.queryParam("saved");
        return saved == null ? null : "Saved: " + Params.shorten(saved);
    }

    private void save(Context ctx, String id) {
        Actor actor = admin(ctx);
        try {
            NewLocation request = AdminInput.location(new Params(), ctx.formParam("site"), ctx.formParam("building"),
                    ctx.formParam("floor"), ctx.formParam("zone"));
            Location saved = id == null ? locations.create(actor, request) : locations.update(actor, id, request);
            ctx.redirect(Links.to("/locations", "saved", saved.fullLabel()), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | AlreadyExistsException e) {
            ctx.status(e instanceof AlreadyExistsException ? 409 : 400);
            Map<String, String> errors = e instanceof InvalidInputException invalid ? invalid.fieldErrors()
                    : Map.of(((AlreadyExistsException) e).field(), e.getMessage());
            show(ctx, id, ctx.formParam("site"), ctx.formParam("building"), ctx.formParam("floor"),
                    ctx.formParam("zone"), errors, null);
        }
    }

    private void show(Context ctx, String editingId, String site, String building, String floor, String zone,
                      Map<String, String> errors, String notice) {
        Map<String, Long> roomCounts = rooms.list().stream().filter(r -> r.locationId() != null)
                .collect(Collectors.groupingBy(Room::locationId, Collectors.counting()));
        List<LocationsView.Row> rows = locations.list().stream()
                .map(l -> new LocationsView.Row(l.id(), l.site(), l.building(), l.floor() == null ? "" : l.floor(),
                        l.zone().getId(), roomCounts.getOrDefault(l.id(), 0L)))
                .toList();
        List<String> zones = Stream.concat(Stream.concat(locations.list().stream().map(l -> l.zone().getId()),
                        rooms.list().stream().map(r -> r.zone().getId())), Stream.of("UTC"))
                .distinct().sorted().toList();
        pages.page(ctx, "locations.jte", "Locations",
                new LocationsView(rows, editingId, site, building, floor, zone, zones, errors, notice));
    }

    private static Actor admin(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        Permissions.require(actor, Permissions.Operation.MANAGE_LOCATIONS, null);
        return actor;
    }

}
