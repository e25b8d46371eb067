package dev.reservation.core.memory;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * One room's reservations. The ones holding the room (CONFIRMED and PENDING alike: "confirmed"
 * below means holding) are bucketed by day ({@link ConfirmedByDay}), so the
 * conflict check costs the same however full the room is; cancelled ones live in a map keyed by
 * (start, id), out of the conflict check's way; queries merge the two in start order. Guarded by its own lock ({@link #lock}): rooms are booked in parallel. Not thread-safe by
 * itself: callers hold the lock.
 */
final class RoomBook {
    static final Comparator<Reservation> ORDER =
            Comparator.comparing((Reservation r) -> r.slot().start()).thenComparing(Reservation::id);

    /** Orders cancelled reservations by start, then id (several may share a start). */
    private record Key(Instant start, String id) implements Comparable<Key> {
        private static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::start).thenComparing(Key::id);

        static Key of(Reservation r) {
            return new Key(r.slot().start(), r.id());
        }

        /** Sorts before every reservation starting at {@code at} (no id is empty). */
        static Key before(Instant at) {
            return new Key(at, "");
        }

        @Override
        public int compareTo(Key o) {
            return KEY_ORDER.compare(this, o);
        }
    }

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ConfirmedByDay confirmed = new ConfirmedByDay();
    private final TreeMap<Key, Reservation> cancelled = new TreeMap<>();
    /** The longest cancelled slot: bounds how far back a window query over cancelled ones must look. */
    private Duration longestCancelled = Duration.ZERO;

    /** Confirmed reservations overlapping {@code slot}, in start order. */
    List<Reservation> confirmedOverlapping(TimeSlot slot) {
        return confirmed.overlapping(slot);
    }

    /** Adds a new confirmed reservation; the caller checked that nothing overlaps it. */
    void addConfirmed(Reservation r) {
        confirmed.add(r);
    }

    /** Replaces the holding {@code before} by {@code after}, which holds the room too (an approval, a check-in). */
    void replaceHolding(Reservation before, Reservation after) {
        confirmed.remove(before);
        confirmed.add(after);
    }

    /** Replaces the holding {@code before} by its final (cancelled, declined, expired, released) form. */
    void replaceCancelled(Reservation before, Reservation cancelledForm) {
        confirmed.remove(before);
        cancelled.put(Key.of(cancelledForm), cancelledForm);
        if (cancelledForm.slot().duration().compareTo(longestCancelled) > 0) {
            longestCancelled = cancelledForm.slot().duration();
        }
    }

    /**
     * Reservations (any status) that may overlap {@code [from, to)} (either bound may be null),
     * that pass {@code filter}, in (start, id) order, at most {@code limit}.
     */
    List<Reservation> window(Instant from, Instant to, Predicate<Reservation> filter, int limit) {
        NavigableMap<Key, Reservation> gone = cancelled;
        if (from != null) {
            gone = gone.tailMap(Key.before(from.minus(longestCancelled)), true);
        }
        if (to != null) {
            gone = gone.headMap(Key.before(to), false);
        }
        // both sources are in start order: merge them, stopping at the limit
        Iterator<Reservation> a = confirmed.window(from, to, filter, limit).iterator();
        Iterator<Reservation> b = gone.values().iterator();
        List<Reservation> out = new ArrayList<>();
        Reservation nextA = a.hasNext() ? a.next() : null;
        Reservation nextB = nextMatching(b, filter);
        while ((nextA != null || nextB != null) && out.size() < limit) {
            if (nextB == null || (nextA != null && ORDER.compare(nextA, nextB) <= 0)) {
                out.add(nextA);
                nextA = a.hasNext() ? a.next() : null;
            } else {
                out.add(nextB);
                nextB = nextMatching(b, filter);
            }
        }
        return out;
    }

    private static Reservation nextMatching(Iterator<Reservation> it, Predicate<Reservation> filter) {
        while (it.hasNext()) {
            Reservation r = it.next();
            if (filter.test(r)) {
                return r;
            }
        }
        return null;
    }
}
