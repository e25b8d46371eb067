package dev.reservation.core.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The asked slot overlaps reservations of the same room that hold it (confirmed or pending approval). Names them — as the asking actor
 * may see them: someone else's only as a busy slot for a MEMBER — and carries suggestions (the
 * room's next free slot of the same length, other rooms free at that time).
 */
public final class ReservationConflictException extends ReservationException {
    /**
     * A conflicting reservation (one that holds the room: CONFIRMED, or PENDING approval): id, room,
     * slot and status, and its details only when the actor may see them.
     */
    public record Conflict(String id, String roomId, TimeSlot slot, ReservationStatus status,
                           java.util.Optional<Reservation> details) {
        /** A conflict with a confirmed reservation. */
        public Conflict(String id, String roomId, TimeSlot slot, java.util.Optional<Reservation> details) {
            this(id, roomId, slot, ReservationStatus.CONFIRMED, details);
        }
    }

    private final List<Conflict> conflicts;
    private final Suggestions suggestions;

    public ReservationConflictException(List<Conflict> conflicts, Suggestions suggestions) {
        this(conflicts, suggestions, describe(conflicts));
    }

    /** With a message of the caller's, e.g. naming the room and its times in the room's zone. */
    public ReservationConflictException(List<Conflict> conflicts, Suggestions suggestions, String message) {
        super(message);
        this.conflicts = List.copyOf(conflicts);
        this.suggestions = suggestions;
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    public Suggestions suggestions() {
        return suggestions;
    }

    private static String describe(List<Conflict> conflicts) {
        return "the room is already booked by " + conflicts.stream()
                .map(r -> r.id() + " (" + r.slot() + ")")
                .collect(Collectors.joining(", "));
    }
}
