package dev.reservation.cli.output;

import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.Suggestions;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.ReservationView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JSON shapes of users, rooms and reservations. Field names are part of the CLI's contract:
 * add fields, never rename them. Instants are ISO-8601 in UTC; absent values are {@code null}.
 * No shape has a field for a password or its hash.
 */
public final class Views {
    private Views() {
    }

    public record UserView(String id, String name, String email, String role, boolean active) {
        public static UserView of(User u) {
            return new UserView(u.id(), u.name(), u.email(), u.role().name(), u.active());
        }
    }

    public record RoomView(String id, String name, String location, int capacity, List<String> equipment,
                           String zone, boolean active) {
        public static RoomView of(Room r) {
            return new RoomView(r.id(), r.name(), r.location(), r.capacity(),
                    r.equipment().stream().sorted().map(Equipment::label).toList(), r.zone().getId(), r.active());
        }
    }

    /**
     * A reservation as the actor may see it. {@code roomName} and {@code zone} are those of the room,
     * {@code null} when it is unknown. A busy slot ({@code busy: true}: someone else's reservation
     * seen by a MEMBER) has only id, room, times and status; the other fields are {@code null}.
     */
    public record ReservationJson(String id, String roomId, String roomName, String zone, String userId,
                                  String title, Integer attendees, String status, String start, String end,
                                  String createdAt, String cancelledAt, String cancelledBy, Long version,
                                  String idempotencyKey, String createdBy, boolean busy) {
        public static ReservationJson of(ReservationView view, Optional<Room> room) {
            String roomName = room.map(Room::name).orElse(null);
            String zone = room.map(x -> x.zone().getId()).orElse(null);
            String start = text(view.slot().start());
            String end = text(view.slot().end());
            if (view.details().isEmpty()) {
                return new ReservationJson(view.id(), view.roomId(), roomName, zone, null, null, null,
                        view.status().name(), start, end, null, null, null, null, null, null, true);
            }
            Reservation r = view.details().get();
            return new ReservationJson(r.id(), r.roomId(), roomName, zone, r.userId(), r.title(), r.attendees(),
                    r.status().name(), start, end, text(r.createdAt()), text(r.cancelledAt()), r.cancelledBy(),
                    r.version(), r.idempotencyKey(), r.createdBy(), false);
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
