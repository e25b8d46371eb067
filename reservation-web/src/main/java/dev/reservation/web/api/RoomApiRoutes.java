package dev.reservation.web.api;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Room;
import dev.reservation.core.service.NewRoom;
import dev.reservation.core.service.RoomService;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.http.AdminInput;
import dev.reservation.web.http.JsonBodies;
import dev.reservation.web.http.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Managing rooms in the JSON API (ADMINs only): create, replace the description, deactivate and
 * reactivate. Reservations are never touched. Thread-safe.
 */
public final class RoomApiRoutes {
    private final RoomService rooms;
    private final JsonBodies bodies;

    public RoomApiRoutes(RoomService rooms, JsonBodies bodies) {
        this.rooms = rooms;
        this.bodies = bodies;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/rooms", ctx -> {
            Actor actor = admin(ctx);
            Room room = rooms.create(actor, read(ctx));
            ctx.status(201).header("Location", "/api/v1/rooms/" + room.id()).json(RoomDto.of(room));
        });
        routes.put("/api/v1/rooms/{id}", ctx -> {
            Actor actor = admin(ctx);
            String id = rooms.resolve(ApiV1Routes.key(ctx)).id();
            ctx.json(RoomDto.of(rooms.update(actor, id, read(ctx))));
        });
        routes.post("/api/v1/rooms/{id}/deactivate", ctx ->
                ctx.json(RoomDto.of(rooms.deactivate(admin(ctx), rooms.resolve(ApiV1Routes.key(ctx)).id()))));
        routes.post("/api/v1/rooms/{id}/reactivate", ctx ->
                ctx.json(RoomDto.of(rooms.reactivate(admin(ctx), rooms.resolve(ApiV1Routes.key(ctx)).id()))));
    }

    private NewRoom read(Context ctx) {
        RoomBody body = bodies.read(ctx, RoomBody.class);
        return AdminInput.room(new Params(), body.name(), body.location(), body.capacity(), body.equipment(),
                body.zone(), body.locationId());
    }

    private static Actor admin(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        Permissions.require(actor, Permissions.Operation.MANAGE_ROOMS, null);
        return actor;
    }
}
