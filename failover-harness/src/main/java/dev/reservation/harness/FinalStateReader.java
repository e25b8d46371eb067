package dev.reservation.harness;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.harness.checker.StoredReservation;
import dev.reservation.harness.cluster.Waits;
import dev.reservation.harness.history.MonotonicClock;
import dev.reservation.harness.workload.StoreBackend;
import dev.reservation.mongo.audit.StoredState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a trial's final state once its clients have stopped and the faults healed, retrying while
 * the cluster cannot be read. For the real store it is the raw state
 * ({@link StoreBackend#readRawState}: its own client, primary, majority read concern, not the store
 * under test), cut to the trial's rooms and window. A backend without raw collections (the in-memory
 * test double) is read through its store port instead: every reservation of the rooms that starts in
 * the window, a window that holds a full page split in halves until each half fits.
 * Thread-safe (stateless apart from its collaborators).
 */
public final class FinalStateReader {
    private final StoreBackend backend;
    private final MonotonicClock clock;

    public FinalStateReader(StoreBackend backend, MonotonicClock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    /** @throws IllegalStateException when the state stayed unreadable for {@code limit} */
    public FinalState read(List<String> rooms, TimeSlot window, Duration limit) {
        RuntimeException[] last = new RuntimeException[1];
        return Waits.until(clock, limit, Duration.ofMillis(250), () -> {
            try {
                Optional<StoredState> raw = backend.readRawState();
                if (raw.isPresent()) {
                    return Optional.of(FinalState.of(FinalState.within(raw.get(), rooms, window)));
                }
                List<StoredReservation> all = new ArrayList<>();
                for (String room : rooms) {
                    readRoom(room, window.start(), window.end(), all);
                }
                return Optional.of(new FinalState(all, Optional.empty()));
            } catch (RuntimeException e) {
                last[0] = e;
                return Optional.empty();
            }
        }).orElseThrow(() -> new IllegalStateException("could not read the final state within " + limit.toSeconds()
                + " s" + (last[0] == null ? "" : ": " + last[0].getMessage()), last[0]));
    }

    private void readRoom(String room, Instant from, Instant to, List<StoredReservation> into) {
        List<Reservation> page = backend.reservations().find(ReservationQuery.all().room(room).window(from, to));
        if (page.size() < ReservationQuery.MAX_LIMIT) {
            // by start, so that a reservation overlapping both halves of a split window is counted once
            page.stream().filter(r -> !r.slot().start().isBefore(from) && r.slot().start().isBefore(to))
                    .map(StoredReservation::of).forEach(into::add);
            return;
        }
        Instant middle = from.plus(Duration.between(from, to).dividedBy(2));
        readRoom(room, from, middle, into);
        readRoom(room, middle, to, into);
    }
}
