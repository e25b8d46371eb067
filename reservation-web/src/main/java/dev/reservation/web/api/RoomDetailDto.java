package dev.reservation.web.api;

import dev.reservation.core.service.RoomAvailability;
import java.time.Instant;
import java.util.List;

/** A room with its availability at {@code checkedAt}: free now, or when it next is (null if not within the horizon). Immutable, so thread-safe. */
public record RoomDetailDto(String id, String name, String location, int capacity, List<String> equipment,
                            String zone, boolean active, Instant checkedAt, boolean freeNow, Instant nextFreeAt,
                            String nextFreeAtLocal) {
    public static RoomDetailDto of(RoomAvailability a) {
        RoomDto r = RoomDto.of(a.room());
        Instant next = a.nextFreeAt().orElse(null);
        return new RoomDetailDto(r.id(), r.name(), r.location(), r.capacity(), r.equipment(), r.zone(), r.active(),
                a.at(), a.freeNow(), next, LocalTimes.local(next, a.room().zone()));
    }
}
