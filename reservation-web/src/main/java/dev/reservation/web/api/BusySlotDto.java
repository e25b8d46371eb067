package dev.reservation.web.api;

import dev.reservation.core.service.ReservationView;
import java.time.Instant;

/**
 * Someone else's reservation as a MEMBER sees it: only that the room is busy then. No title, no
 * owner, no attendees. Immutable, so thread-safe.
 */
public record BusySlotDto(String id, String roomId, Instant start, Instant end, String status, boolean busy)
        implements ReservationJson {
    public static BusySlotDto of(ReservationView v) {
        return new BusySlotDto(v.id(), v.roomId(), v.slot().start(), v.slot().end(), v.status().name(), true);
    }
}
