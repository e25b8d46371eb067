package dev.reservation.core.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The asked slot overlaps confirmed reservations of the same room. Names them, and carries
 * suggestions (the room's next free slot of the same length, other rooms free at that time).
 */
public final class ReservationConflictException extends ReservationException {
    private final List<Reservation> conflicts;
    private final Suggestions suggestions;

    public ReservationConflictException(List<Reservation> conflicts, Suggestions suggestions) {
        super(describe(conflicts));
        this.conflicts = List.copyOf(conflicts);
        this.suggestions = suggestions;
    }

    public List<Reservation> conflicts() {
        return conflicts;
    }

    public Suggestions suggestions() {
        return suggestions;
    }

    private static String describe(List<Reservation> conflicts) {
        return "the room is already booked by " + conflicts.stream()
                .map(r -> r.id() + " (" + r.slot() + ")")
                .collect(Collectors.joining(", "));
    }
}
