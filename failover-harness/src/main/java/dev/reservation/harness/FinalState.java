package dev.reservation.harness;

import dev.reservation.core.domain.TimeSlot;
import dev.reservation.harness.checker.StoredReservation;
import dev.reservation.mongo.audit.StoredState;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The final state of one trial's window: its reservations (CONFIRMED and CANCELLED) and, for the real
 * store, the raw state they came from (documents, tombstones and room-day claims) for the invariant
 * check. Immutable.
 */
public record FinalState(List<StoredReservation> reservations, Optional<StoredState> raw) {
    public FinalState {
        reservations = List.copyOf(reservations);
        raw = raw == null ? Optional.empty() : raw;
    }

    /**
     * The part of a raw state that belongs to a trial: claims of its rooms that overlap its window, the
     * reservations of its rooms that overlap it, and every document (tombstones too) that such a claim names.
     */
    public static StoredState within(StoredState state, List<String> rooms, TimeSlot window) {
        List<StoredState.StoredClaim> claims = state.claims().stream()
                .filter(c -> rooms.contains(roomOf(c.bucket())) && c.slot().overlaps(window)).toList();
        Set<String> named = new HashSet<>();
        claims.forEach(c -> named.add(c.rid()));
        List<StoredState.StoredReservation> reservations = state.reservations().stream()
                .filter(r -> named.contains(r.id()) || (r.slot() != null && r.roomId() != null
                        && rooms.contains(r.roomId()) && r.slot().overlaps(window)))
                .toList();
        return new StoredState(reservations, claims);
    }

    /** The final state from a raw one: its reservation documents (tombstones left out) and the raw state itself. */
    public static FinalState of(StoredState raw) {
        return new FinalState(raw.reservations().stream().map(StoredReservation::of).filter(Objects::nonNull).toList(),
                Optional.of(raw));
    }

    /** Buckets are named {@code roomId|yyyy-mm-dd}. */
    static String roomOf(String bucket) {
        int bar = bucket.lastIndexOf('|');
        return bar < 0 ? bucket : bucket.substring(0, bar);
    }
}
