package dev.reservation.harness;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.harness.checker.StoredReservation;
import dev.reservation.harness.cluster.Waits;
import dev.reservation.harness.history.MonotonicClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads every reservation of the given rooms that starts inside a window (all the workload's do) through the store, after the faults
 * healed, retrying while the store is unavailable. A window that holds a full page is split in halves
 * until each half fits, so nothing is cut off. Thread-safe (stateless apart from its collaborators).
 */
public final class FinalStateReader {
    private final ReservationStore store;
    private final MonotonicClock clock;

    public FinalStateReader(ReservationStore store, MonotonicClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @throws IllegalStateException when the store stayed unreadable for {@code limit} */
    public List<StoredReservation> read(List<String> rooms, TimeSlot window, Duration limit) {
        RuntimeException[] last = new RuntimeException[1];
        return Waits.until(clock, limit, Duration.ofMillis(250), () -> {
            try {
                List<StoredReservation> all = new ArrayList<>();
                for (String room : rooms) {
                    readRoom(room, window.start(), window.end(), all);
                }
                return Optional.of(all);
            } catch (RuntimeException e) {
                last[0] = e;
                return Optional.empty();
            }
        }).orElseThrow(() -> new IllegalStateException("could not read the final state within " + limit.toSeconds()
                + " s" + (last[0] == null ? "" : ": " + last[0].getMessage()), last[0]));
    }

    private void readRoom(String room, Instant from, Instant to, List<StoredReservation> into) {
        List<Reservation> page = store.find(ReservationQuery.all().room(room).window(from, to));
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
