package dev.reservation.web.api;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.service.BookingReceipt;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReservationView;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.service.RoomService;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.web.booking.KeyedBookings;
import dev.reservation.web.auth.CurrentUser;
import dev.reservation.web.http.JsonBodies;
import dev.reservation.web.http.Params;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.time.LocalTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reservations in the JSON API, as the signed-in user: book (with {@code Idempotency-Key}; for
 * themselves unless an ADMIN names another user), list with filters, get, cancel. A MEMBER sees
 * others' reservations as busy slots. Thread-safe.
 */
public final class ReservationApiRoutes {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final KeyedBookings bookings;
    private final ReservationService reservations;
    private final RoomService rooms;
    private final JsonBodies bodies;

    public ReservationApiRoutes(KeyedBookings bookings, ReservationService reservations, RoomService rooms,
                                JsonBodies bodies) {
        this.bookings = bookings;
        this.reservations = reservations;
        this.rooms = rooms;
        this.bodies = bodies;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/reservations", this::book);
        routes.get("/api/v1/reservations", this::list);
        routes.get("/api/v1/reservations/{id}", ctx ->
                ctx.json(json(reservations.get(CurrentUser.actor(ctx), id(ctx)))));
        routes.post("/api/v1/reservations/{id}/cancel", ctx ->
                ctx.json(dto(reservations.cancel(CurrentUser.actor(ctx), id(ctx)))));
    }

    private void book(Context ctx) {
        NewReservationBody body = bodies.read(ctx, NewReservationBody.class);
        Params p = new Params();
        Optional<String> key = p.text(IDEMPOTENCY_KEY, ctx.header(IDEMPOTENCY_KEY), 128, false);
        Optional<String> roomId = p.text("roomId", body.roomId(), 64, true);
        Actor actor = CurrentUser.actor(ctx);
        String userId = p.text("userId", body.userId(), 64, false).orElse(actor.userId());
        Optional<String> title = p.text("title", body.title(), Reservation.MAX_TITLE, true);
        if (body.attendees() == null) {
            p.reject("attendees", "attendees is required");
        }
        Optional<String> zoneText = p.text("zone", body.zone(), 64, false);
        ZoneId zone = null;
        if (zoneText.isPresent()) {
            try {
                zone = Room.parseZone(zoneText.get());
            } catch (InvalidInputException e) {
                p.reject("zone", e.getMessage());
            }
        } else if (roomId.isPresent()) {
            zone = roomZone(roomId.get());
        }
        LocalTimes.Reading start = read(p, "start", body.start(), zone);
        LocalTimes.Reading end = read(p, "end", body.end(), zone);
        if (start != null && end != null && !end.instant().isAfter(start.instant())) {
            p.reject("end", "end must be after start");
        }
        p.throwIfAny();
        ReserveRequest request = KeyedBookings.withKey(new ReserveRequest(roomId.get(), userId,
                new TimeSlot(start.instant(), end.instant()), title.get(), body.attendees(), key), "api-");
        BookingReceipt receipt = bookings.book(actor, request);
        Reservation r = receipt.reservation();
        ctx.status(201).header("Location", "/api/v1/reservations/" + r.id());
        if (receipt.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        boolean local = start.local() || end.local();
        ctx.json(new BookedDto(dto(r), local
                ? new TimesReadAs("local", zone.getId(), zoneText.isPresent() ? "request" : "room")
                : new TimesReadAs("instant", null, null)));
    }

    /** Reads a time, an instant or a local one in {@code zone}; a problem goes into {@code p}. */
    private static LocalTimes.Reading read(Params p, String field, String raw, ZoneId zone) {
        Optional<String> text = p.text(field, raw, 64, true);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalTimes.parse(field, text.get(), zone);
        } catch (InvalidInputException e) {
            p.reject(field, e.getMessage());
            return null;
        }
    }

    /** The room's zone, or null for an unknown room (the booking then fails with 404 on the room). */
    private ZoneId roomZone(String roomId) {
        try {
            return rooms.resolve(roomId).zone();
        } catch (RoomNotFoundException unknown) {
            return ZoneOffset.UTC;
        }
    }


    private void list(Context ctx) {
        Params p = new Params();
        int limit = Paging.limit(p, ctx);
        ReservationQuery query = ReservationQuery.all().limit(limit);
        Optional<String> roomId = p.text("roomId", ctx.queryParam("roomId"), 64, false);
        Optional<String> userId = p.text("userId", ctx.queryParam("userId"), 64, false);
        Optional<Instant> from = p.instant("from", ctx.queryParam("from"), false);
        Optional<Instant> to = p.instant("to", ctx.queryParam("to"), false);
        Optional<String> status = p.text("status", ctx.queryParam("status"), 16, false);
        query = roomId.map(query::room).orElse(query);
        query = userId.map(query::user).orElse(query);
        if (status.isPresent()) {
            try {
                query = query.status(ReservationStatus.valueOf(status.get().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                p.reject("status", "status must be one of PENDING, CONFIRMED, CANCELLED, DECLINED, EXPIRED, AUTO_RELEASED, HELD");
            }
        }
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            p.reject("to", "'to' must be after 'from'");
        }
        p.throwIfAny();
        Optional<ReservationQuery.After> after = Paging.after(ctx, "reservations", 2).map(ReservationApiRoutes::position);
        query = after.map(query::after).orElse(query);
        Actor actor = CurrentUser.actor(ctx);
        if (from.isPresent() || to.isPresent()) {
            query = query.window(from.orElse(Instant.EPOCH), to.orElse(Instant.parse("9999-01-01T00:00:00Z")));
        }
        Map<String, Room> byId = rooms.list().stream().collect(Collectors.toMap(Room::id, Function.identity()));
        List<ReservationView> views = reservations.find(actor, query);
        List<ReservationJson> found = views.stream().map(v -> ReservationJson.of(v, byId.get(v.roomId()))).toList();
        Paging.answer(ctx, "reservations", found, limit, views.isEmpty() ? null : views.get(views.size() - 1),
                v -> List.of(Long.toString(v.slot().start().toEpochMilli()), v.id()));
    }

    /** A cursor's key (start in epoch milliseconds, id) as the store's keyset position. */
    private static ReservationQuery.After position(List<String> key) {
        try {
            return new ReservationQuery.After(Instant.ofEpochMilli(Long.parseLong(key.get(0))), key.get(1));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw dev.reservation.web.http.FieldErrorsException.of(Paging.CURSOR,
                    "cursor is not one this list gave out for these filters: start again without it");
        }
    }

    private ReservationDto dto(Reservation r) {
        return ReservationDto.of(r, room(r.roomId()));
    }

    private ReservationJson json(ReservationView v) {
        return ReservationJson.of(v, room(v.roomId()));
    }

    private Room room(String id) {
        try {
            return rooms.get(id);
        } catch (RoomNotFoundException gone) {
            return null;
        }
    }

    private static String id(Context ctx) {
        return new Params().text("id", ctx.pathParam("id"), 64, true)
                .orElseThrow(() -> dev.reservation.web.http.FieldErrorsException.of("id", "id is too long"));
    }
}
