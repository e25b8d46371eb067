package dev.reservation.web.api;

import dev.reservation.core.domain.TimeSlot;
import java.time.Instant;
import java.time.ZoneId;

/** A half-open slot {@code [start, end)}, also as wall-clock times in {@code zone}. Immutable, so thread-safe. */
public record SlotDto(Instant start, Instant end, String zone, String startLocal, String endLocal) {
    public static SlotDto of(TimeSlot slot, ZoneId zone) {
        return new SlotDto(slot.start(), slot.end(), zone.getId(),
                LocalTimes.local(slot.start(), zone), LocalTimes.local(slot.end(), zone));
    }
}
