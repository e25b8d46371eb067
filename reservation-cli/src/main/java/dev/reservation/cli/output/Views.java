package dev.reservation.cli.output;

import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.Suggestions;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JSON shapes of users, rooms and reservations. Field names are part of the CLI's contract:
 * add fields, never rename them. Instants are ISO-8601 in UTC; absent values are {@code null}.
 */
public final class Views {
    private Views() {
    }

    public record UserView(String id, String name, String email, String role) {
        public static UserView of(User u) {
            return new UserView(u.id(), u.name(), u.email(), u.role().name());
        }
    }

    public record RoomView(String id, String name, String location, int capacity, List<String> equipment,
                           String zone) {
        public static RoomView of(Room r) {
            return new RoomView(r.id(), r.name(), r.location(), r.capacity(),
                    r.equipment().stream().sorted().map(Equipment::label).toList(), r.zone().getId());
        }
    }

    /** {@code roomName} and {@code zone} are those of the room, {@code null} when it is unknown. */
    public record ReservationView(String id, String roomId, String roomName, String zone, String userId,
                                  String title, int attendees, String status, String start, String end,
                                  String createdAt, String cancelledAt, String cancelledBy, long version,
                                  String idempotencyKey) {
        public static ReservationView of(Reservation r, Optional<Room> room) {
            return new ReservationView(r.id(), r.roomId(), room.map(Room::name).orElse(null),
                    room.map(x -> x.zone().getId()).orElse(null), r.userId(), r.title(), r.attendees(),
                    r.status().name(), text(r.slot().start()), text(r.slot().end()), text(r.createdAt()),
                    text(r.cancelledAt()), r.cancelledBy(), r.version(), r.idempotencyKey());
        }
    }

    public record SlotView(String start, String end) {
        public static SlotView of(TimeSlot slot) {
            return new SlotView(text(slot.start()), text(slot.end()));
        }
    }

    public record SuggestionsView(SlotView nextFreeSlotInRoom, List<RoomView> otherFreeRooms) {
        public static SuggestionsView of(Suggestions s) {
            return new SuggestionsView(s.nextFreeSlotInRoom().map(SlotView::of).orElse(null),
                    s.otherFreeRooms().stream().map(RoomView::of).toList());
        }
    }

    public static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    public static Long millis(Optional<java.time.Duration> duration) {
        return duration.map(java.time.Duration::toMillis).orElse(null);
    }
}
