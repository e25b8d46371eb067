package dev.reservation.web.api;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Location;
import dev.reservation.core.service.LocationService;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.http.AdminInput;
import dev.reservation.web.http.JsonBodies;
import dev.reservation.web.http.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import dev.reservation.core.service.NewLocation;

/**
 * Locations in the JSON API: listed for everyone signed in; created and changed by ADMINs.
 * Thread-safe.
 */
public final class LocationApiRoutes {
    private final LocationService locations;
    private final JsonBodies bodies;

    public LocationApiRoutes(LocationService locations, JsonBodies bodies) {
        this.locations = locations;
        this.bodies = bodies;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/locations", ctx -> Paging.answerSorted(ctx, "locations", locations.list(),
                l -> java.util.List.of(l.key(), l.id()), LocationDto::of));
        routes.get("/api/v1/locations/{id}", ctx -> ctx.json(LocationDto.of(locations.get(ApiV1Routes.key(ctx)))));
        routes.post("/api/v1/locations", ctx -> {
            Actor actor = admin(ctx);
            Location created = locations.create(actor, read(ctx));
            ctx.status(201).header("Location", "/api/v1/locations/" + created.id()).json(LocationDto.of(created));
        });
        routes.put("/api/v1/locations/{id}", ctx -> {
            Actor actor = admin(ctx);
            ctx.json(LocationDto.of(locations.update(actor, locations.get(ApiV1Routes.key(ctx)).id(), read(ctx))));
        });
    }

    private NewLocation read(Context ctx) {
        LocationBody body = bodies.read(ctx, LocationBody.class);
        return AdminInput.location(new Params(), body.site(), body.building(), body.floor(), body.zone());
    }

    private static Actor admin(Context ctx) {
        Actor actor = CurrentUser.actor(ctx);
        Permissions.require(actor, Permissions.Operation.MANAGE_LOCATIONS, null);
        return actor;
    }
}
