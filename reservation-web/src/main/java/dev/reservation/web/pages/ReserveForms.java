package dev.reservation.web.pages;

import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.service.RoomService;
import dev.reservation.web.http.Params;
import dev.reservation.web.pages.view.ReserveForm;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the /reserve form into a {@link ReserveRequest} (times are wall-clock in the room's zone)
 * and builds pre-filled forms for suggestions. Thread-safe.
 */
public final class ReserveForms {
    private final RoomService rooms;

    public ReserveForms(RoomService rooms) {
        this.rooms = rooms;
    }

    public static String newKey() {
        return "form-" + UUID.randomUUID();
    }

    public static ReserveForm fromQuery(Context ctx, String defaultUserId) {
        String userId = ctx.queryParam("userId") != null ? ctx.queryParam("userId") : defaultUserId;
        return new ReserveForm(userId, ctx.queryParam("roomId"), ctx.queryParam("date"), ctx.queryParam("start"),
                ctx.queryParam("end"), ctx.queryParam("endDate"), ctx.queryParam("title"),
                ctx.queryParam("attendees") == null ? "1" : ctx.queryParam("attendees"), newKey());
    }

    public static ReserveForm fromBody(Context ctx) {
        return new ReserveForm(ctx.formParam("userId"), ctx.formParam("roomId"), ctx.formParam("date"),
                ctx.formParam("start"), ctx.formParam("end"), ctx.formParam("endDate"), ctx.formParam("title"),
                ctx.formParam("attendees"), ctx.formParam("key"));
    }

    /** The request the form asks for; every bad field lands in {@code params}, which is then thrown. */
    public ReserveRequest toRequest(ReserveForm form, Params params) {
        Optional<String> userId = params.text("userId", form.userId(), 64, true);
        Optional<String> roomId = params.text("roomId", form.roomId(), 64, true);
        Optional<LocalDate> date = params.date("date", form.date(), true);
        Optional<LocalTime> start = params.time("start", form.start(), true);
        Optional<LocalTime> end = params.time("end", form.end(), true);
        Optional<LocalDate> endDate = params.date("endDate", form.endDate(), false);
        Optional<String> title = params.text("title", form.title(), dev.reservation.core.domain.Reservation.MAX_TITLE,
                true);
        Optional<Integer> attendees = params.integer("attendees", form.attendees(), 1, 10_000, true);
        Optional<String> key = params.text("key", form.key(), 128, false);
        Optional<Room> room = roomId.flatMap(id -> find(id, params));
        TimeSlot slot = null;
        if (room.isPresent() && date.isPresent() && start.isPresent() && end.isPresent()) {
            Instant from = date.get().atTime(start.get()).atZone(room.get().zone()).toInstant();
            Instant to = endDate.orElse(date.get()).atTime(end.get()).atZone(room.get().zone()).toInstant();
            if (!to.isAfter(from)) {
                params.reject("end", "end must be after start");
            } else {
                slot = new TimeSlot(from, to);
            }
        }
        params.throwIfAny();
        return new ReserveRequest(room.orElseThrow().id(), userId.orElseThrow(), slot, title.orElseThrow(),
                attendees.orElseThrow(), key);
    }

    private Optional<Room> find(String id, Params params) {
        try {
            return Optional.of(rooms.get(id));
        } catch (RoomNotFoundException e) {
            params.reject("roomId", "choose one of the rooms in the list");
            return Optional.empty();
        }
    }

    /** A complete form for {@code slot} in {@code room}, shown in the room's zone, with a fresh key. */
    public static ReserveForm forSlot(ReserveForm base, Room room, TimeSlot slot) {
        ZonedDateTime s = slot.start().atZone(room.zone());
        ZonedDateTime e = slot.end().atZone(room.zone());
        return new ReserveForm(base.userId(), room.id(), s.toLocalDate().toString(), s.toLocalTime().toString(),
                e.toLocalTime().toString(), e.toLocalDate().equals(s.toLocalDate()) ? null : e.toLocalDate().toString(),
                base.title(), base.attendees(), newKey());
    }
}
