package dev.reservation.web.pages;

import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.service.RoomService;
import dev.reservation.web.http.Params;
import dev.reservation.web.pages.view.ReserveForm;
import io.javalin.http.Context;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.time.LocalTimes;
import dev.reservation.core.time.TimeText;
import dev.reservation.web.pages.view.OffsetChoice;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
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
                ctx.queryParam("attendees") == null ? "1" : ctx.queryParam("attendees"), newKey(),
                ctx.queryParam("startOffset"), ctx.queryParam("endOffset"));
    }

    public static ReserveForm fromBody(Context ctx) {
        return new ReserveForm(ctx.formParam("userId"), ctx.formParam("roomId"), ctx.formParam("date"),
                ctx.formParam("start"), ctx.formParam("end"), ctx.formParam("endDate"), ctx.formParam("title"),
                ctx.formParam("attendees"), ctx.formParam("key"), ctx.formParam("startOffset"),
                ctx.formParam("endOffset"));
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
        Optional<ZoneOffset> startOffset = offset(params, "start", form.startOffset());
        Optional<ZoneOffset> endOffset = offset(params, "end", form.endOffset());
        TimeSlot slot = null;
        if (room.isPresent() && date.isPresent() && start.isPresent() && end.isPresent()) {
            ZoneId zone = room.get().zone();
            // an end at or before the start (23:00-01:00) runs past midnight, unless an end date says otherwise
            LocalDate endDay = endDate.orElse(end.get().isAfter(start.get()) ? date.get() : date.get().plusDays(1));
            Instant from = resolve(params, "start", date.get().atTime(start.get()), zone, startOffset.orElse(null));
            Instant to = resolve(params, "end", endDay.atTime(end.get()), zone, endOffset.orElse(null));
            if (from != null && to != null) {
                if (!to.isAfter(from)) {
                    params.reject("end", "end must be after start (" + TimeText.moment(to, zone) + " is not after "
                            + TimeText.moment(from, zone) + ")");
                } else {
                    slot = new TimeSlot(from, to);
                }
            }
        }
        params.throwIfAny();
        return new ReserveRequest(room.orElseThrow().id(), userId.orElseThrow(), slot, title.orElseThrow(),
                attendees.orElseThrow(), key);
    }

    private static Instant resolve(Params params, String field, LocalDateTime local, ZoneId zone, ZoneOffset offset) {
        try {
            return LocalTimes.resolve(field, local, zone, offset);
        } catch (InvalidInputException e) {
            params.reject(field, e.getMessage());
            return null;
        }
    }

    private static Optional<ZoneOffset> offset(Params params, String field, String raw) {
        try {
            return LocalTimes.offset(field + "Offset", raw);
        } catch (InvalidInputException e) {
            params.reject(field, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The two readings to choose from when the form's {@code start} or {@code end} (field) happens
     * twice in the room's zone; empty otherwise, or when the form cannot be read that far.
     */
    public List<OffsetChoice> choices(ReserveForm form, String field) {
        try {
            Room room = rooms.get(form.roomId());
            LocalDate day = LocalDate.parse(form.date());
            LocalTime startTime = LocalTime.parse(form.start());
            LocalTime time = LocalTime.parse("start".equals(field) ? form.start() : form.end());
            if ("end".equals(field)) {
                day = form.endDate() != null && !form.endDate().isBlank() ? LocalDate.parse(form.endDate())
                        : time.isAfter(startTime) ? day : day.plusDays(1);
            }
            LocalDateTime local = day.atTime(time);
            List<ZoneOffset> offsets = LocalTimes.offsets(local, room.zone());
            if (offsets.size() < 2) {
                return List.of();
            }
            String chosen = "start".equals(field) ? form.startOffset() : form.endOffset();
            List<OffsetChoice> result = new ArrayList<>();
            for (int i = 0; i < offsets.size(); i++) {
                ZoneOffset o = offsets.get(i);
                result.add(new OffsetChoice(o.getId(), LocalTimes.choice(local, o, room.zone())
                        + (i == 0 ? ", the first time (before the clocks go back)" : ", the second time (after)"),
                        o.getId().equals(chosen)));
            }
            return result;
        } catch (RuntimeException unreadable) {
            return List.of();
        }
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
                base.title(), base.attendees(), newKey(), offsetIfTwice(s), offsetIfTwice(e));
    }

    /** The offset of a time that happens twice in its zone, so that the form books that one; else null. */
    static String offsetIfTwice(ZonedDateTime at) {
        return LocalTimes.offsets(at.toLocalDateTime(), at.getZone()).size() > 1 ? at.getOffset().getId() : null;
    }
}
