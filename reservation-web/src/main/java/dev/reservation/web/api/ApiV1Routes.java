package dev.reservation.web.api;

import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.service.FreeRoomQuery;
import dev.reservation.core.service.RoomSearchService;
import dev.reservation.core.service.RoomService;
import dev.reservation.core.service.UserService;
import dev.reservation.web.http.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The read-only part of the JSON API, open to every signed-in user: users, rooms, free rooms, the
 * cluster view. Reservations live in {@link ReservationApiRoutes}, changes to users and rooms in
 * {@link UserApiRoutes} and {@link RoomApiRoutes}. Thread-safe.
 */
public final class ApiV1Routes {
    private final UserService users;
    private final RoomService rooms;
    private final RoomSearchService search;
    private final ClusterInspector cluster;
    private final Clock clock;

    public ApiV1Routes(UserService users, RoomService rooms, RoomSearchService search, ClusterInspector cluster,
                       Clock clock) {
        this.users = users;
        this.rooms = rooms;
        this.search = search;
        this.cluster = cluster;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/users", ctx -> Paging.answerSorted(ctx, "users", users.list(),
                u -> java.util.List.of(u.name(), u.id()), UserDto::of));
        routes.get("/api/v1/users/{id}", ctx -> ctx.json(UserDto.of(users.resolve(key(ctx)))));
        routes.get("/api/v1/rooms", ctx -> Paging.answerSorted(ctx, "rooms", rooms.list(),
                r -> java.util.List.of(r.nameKey(), r.id()), RoomDto::of));
        routes.get("/api/v1/rooms/free", this::freeRooms);
        routes.get("/api/v1/rooms/{id}", ctx -> {
            Room room = rooms.resolve(key(ctx));
            ctx.json(RoomDetailDto.of(search.availability(room, clock.instant())));
        });
        routes.get("/api/v1/cluster", ctx -> ctx.json(ClusterDto.of(cluster.topology())));
    }

    /** The {id} path parameter (an id, or an email or room name where those are accepted). */
    static String key(Context ctx) {
        String key = ctx.pathParam("id");
        if (key.length() > Params.MAX_KEY) {
            throw dev.reservation.web.http.FieldErrorsException.of("id", "id must be at most " + Params.MAX_KEY
                    + " characters");
        }
        return key;
    }

    private void freeRooms(Context ctx) {
        Params p = new Params();
        Optional<Instant> start = p.instant("start", ctx.queryParam("start"), true);
        Optional<Instant> end = p.instant("end", ctx.queryParam("end"), true);
        int seats = p.integer("seats", ctx.queryParam("seats"), 1, 10_000, false).orElse(1);
        Set<Equipment> equipment = p.equipment("equipment", ctx.queryParams("equipment"));
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            p.reject("end", "end must be after start");
        }
        p.throwIfAny();
        FreeRoomQuery query = new FreeRoomQuery(new TimeSlot(start.get(), end.get()), seats, equipment);
        ctx.json(search.freeRooms(query).stream().map(RoomDto::of).toList());
    }
}
