package dev.reservation.web.pages;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.service.LocationService;
import dev.reservation.core.service.NewRoom;
import dev.reservation.web.api.LocationDto;
import dev.reservation.core.service.RoomService;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.http.AdminInput;
import dev.reservation.web.http.Params;
import dev.reservation.web.pages.view.RoomFormView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * ADMINs' room management pages: create, edit, deactivate and reactivate (reservations stay).
 * Members get 403. Register before {@link RoomRoutes}, so {@code /rooms/new} is not read as a room
 * id. Thread-safe.
 */
public final class RoomAdminRoutes {
    private final Pages pages;
    private final RoomService rooms;
    private final RoomFinder finder;
    private final LocationService locations;

    public RoomAdminRoutes(Pages pages, RoomService rooms, RoomFinder finder, LocationService locations) {
        this.pages = pages;
        this.rooms = rooms;
        this.finder = finder;
        this.locations = locations;
    }

    public void register(RoutesConfig routes) {
        routes.get("/rooms/new", ctx -> {
            admin(ctx);
            show(ctx, new RoomFormView(null, "", "", "1", List.of(), "", true,
                    RoomFinder.equipmentLabels(), zones(), Map.of(), null, locationOptions()));
        });
        routes.post("/rooms", ctx -> save(ctx, null));
        routes.get("/rooms/{id}/edit", ctx -> {
            admin(ctx);
            Room r = rooms.get(ctx.pathParam("id"));
            show(ctx, new RoomFormView(r.id(), r.name(), r.location(), String.valueOf(r.capacity()),
                    r.equipment().stream().sorted().map(Equipment::label).toList(), r.zone().getId(), r.active(),
                    RoomFinder.equipmentLabels(), zones(), Map.of(), r.locationId(), locationOptions()));
        });
        routes.post("/rooms/{id}", ctx -> save(ctx, rooms.get(ctx.pathParam("id"))));
        routes.post("/rooms/{id}/deactivate", ctx -> {
            Room r = rooms.deactivate(admin(ctx), ctx.pathParam("id"));
            ctx.redirect("/rooms/" + r.id(), HttpStatus.SEE_OTHER);
        });
        routes.post("/rooms/{id}/reactivate", ctx -> {
            Room r = rooms.reactivate(admin(ctx), ctx.pathParam("id"));
            ctx.redirect("/rooms/" + r.id(), HttpStatus.SEE_OTHER);
        });
    }

    /** Creates ({@code existing} null) or updates a room from the form; re-shows it with errors. */
    private void save(Context ctx, Room existing) {
        Actor actor = admin(ctx);
        Params p = new Params();
        String capacity = ctx.formParam("capacity");
        List<String> equipment = ctx.formParams("equipment");
        try {
            Integer seats = p.integer("capacity", capacity, 1, 10_000, true).orElse(null);
            String at = ctx.formParam("locationId");
            NewRoom room = AdminInput.room(p, ctx.formParam("name"), at == null || at.isBlank()
                    ? ctx.formParam("location") : null, seats, equipment, ctx.formParam("zone"), at);
            Room saved = existing == null ? rooms.create(actor, room) : rooms.update(actor, existing.id(), room);
            ctx.redirect("/rooms/" + saved.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | AlreadyExistsException e) {
            ctx.status(e instanceof AlreadyExistsException ? 409 : 400);
            Map<String, String> errors = e instanceof InvalidInputException invalid ? invalid.fieldErrors()
                    : Map.of(((AlreadyExistsException) e).field(), e.getMessage());
            show(ctx, new RoomFormView(existing == null ? null : existing.id(), ctx.formParam("name"),
                    ctx.formParam("location"), capacity, equipment, ctx.formParam("zone"),
                    existing == null || existing.active(), RoomFinder.equipmentLabels(), zones(), errors,
                    ctx.formParam("locationId"), locationOptions()));
        }
    }

    private List<LocationDto> locationOptions() {
        return locations.list().stream().map(LocationDto::of).toList();
    }

    private List<String> zones() {
        return Stream.concat(finder.zones().stream(), Stream.of("UTC"))
                .distinct().sorted().toList();
    }

    private void show(Context ctx, RoomFormView view) {
        pages.page(ctx, "room-form.jte", view.isNew() ? "New room" : view.name(), view);
    }

    private static Actor admin(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        Permissions.require(actor, Permissions.Operation.MANAGE_ROOMS, null);
        return actor;
    }
}
