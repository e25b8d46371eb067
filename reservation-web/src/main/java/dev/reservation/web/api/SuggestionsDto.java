package dev.reservation.web.api;

import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.Suggestions;
import java.util.List;

/** What a 409 offers instead: the room's next free slot (or null) and other rooms free at the asked time. Immutable, so thread-safe. */
public record SuggestionsDto(SlotDto nextFreeSlotInRoom, List<RoomDto> otherFreeRooms) {
    public static SuggestionsDto of(Suggestions s, Room room) {
        return new SuggestionsDto(s.nextFreeSlotInRoom().map(slot -> SlotDto.of(slot, room.zone())).orElse(null),
                s.otherFreeRooms().stream().map(RoomDto::of).toList());
    }
}
