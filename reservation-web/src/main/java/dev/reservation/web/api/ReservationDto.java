package dev.reservation.web.api;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A reservation in full, as its owner or an ADMIN sees it: instants in UTC (ISO-8601), the same
 * times in the room's zone, and its audit trail (created by and at, cancelled by and at). The
 * idempotency key stays internal.
 * Immutable, so thread-safe.
 */
public record ReservationDto(
        String id,
        String roomId,
        String roomName,
        String userId,
        Instant start,
        Instant end,
        String zone,
        String startLocal,
        String endLocal,
        String title,
        int attendees,
        String status,
        Instant createdAt,
        String createdBy,
        Instant cancelledAt,
        String cancelledBy,
        long version,
        boolean busy) implements ReservationJson {

    /** @param room the reservation's room, or null when it is unknown (its zone is then UTC) */
    public static ReservationDto of(Reservation r, Room room) {
        ZoneId zone = room == null ? ZoneOffset.UTC : room.zone();
        return new ReservationDto(r.id(), r.roomId(), room == null ? null : room.name(), r.userId(),
                r.slot().start(), r.slot().end(), zone.getId(),
                LocalTimes.local(r.slot().start(), zone), LocalTimes.local(r.slot().end(), zone),
                r.title(), r.attendees(), r.status().name(), r.createdAt(), r.createdBy(), r.cancelledAt(),
                r.cancelledBy(), r.version(), false);
    }
}
