package dev.reservation.core.memory;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * One room's reservations, ordered by start. Confirmed reservations never overlap, so they are
 * keyed by start alone and an overlap check touches only the neighbours of the asked slot:
 * O(log n + k) for k conflicts. Cancelled ones live in a second map keyed by (start, id), out of
 * the conflict check's way; queries merge the two in order. One entry per reservation keeps memory
 * low. Guarded by its own lock ({@link #lock}): rooms are booked in parallel. Not thread-safe by
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
    private final TreeMap<Instant, Reservation> confirmedByStart = new TreeMap<>();
    private final TreeMap<Key, Reservation> cancelled = new TreeMap<>();
    /** The longest slot ever stored here: bounds how far back a window query must look. */
    private Duration longest = Duration.ZERO;

    /**
     * Confirmed reservations overlapping {@code slot}, in start order. Confirmed reservations never
     * overlap, so ordered by start they are ordered by end too: the last one starting before
     * {@code slot.end} has the latest end of all that could overlap, and one tree descent answers
     * "any conflict?". Only on a conflict does it walk back over the (few) overlapping ones.
     */
    List<Reservation> confirmedOverlapping(TimeSlot slot) {
        Map.Entry<Instant, Reservation> last = confirmedByStart.lowerEntry(slot.end());
        if (last == null || !last.getValue().slot().end().isAfter(slot.start())) {
            return List.of();
        }
        List<Reservation> out = new ArrayList<>(2);
        for (Reservation r : confirmedByStart.headMap(slot.end(), false).descendingMap().values()) {
            if (!r.slot().end().isAfter(slot.start())) {
                break;
            }
            out.add(r);
        }
        Collections.reverse(out);
        return out;
    }

    /** Adds a new confirmed reservation; the caller checked that nothing overlaps it. */
    void addConfirmed(Reservation r) {
        confirmedByStart.put(r.slot().start(), r);
        if (r.slot().duration().compareTo(longest) > 0) {
            longest = r.slot().duration();
        }
    }

    /** Replaces the confirmed {@code before} by its cancelled form. */
    void replaceCancelled(Reservation before, Reservation cancelledForm) {
        confirmedByStart.remove(before.slot().start(), before);
        cancelled.put(Key.of(cancelledForm), cancelledForm);
    }

    /**
     * Reservations (any status) that may overlap {@code [from, to)} (either bound may be null),
     * that pass {@code filter}, in (start, id) order, at most {@code limit}.
     */
    List<Reservation> window(Instant from, Instant to, Predicate<Reservation> filter, int limit) {
        NavigableMap<Instant, Reservation> confirmed = confirmedByStart;
        NavigableMap<Key, Reservation> gone = cancelled;
        if (from != null) {
            Instant earliest = from.minus(longest);
            confirmed = confirmed.tailMap(earliest, true);
            gone = gone.tailMap(Key.before(earliest), true);
        }
        if (to != null) {
            confirmed = confirmed.headMap(to, false);
            gone = gone.headMap(Key.before(to), false);
        }
        List<Reservation> out = new ArrayList<>();
        Iterator<Reservation> a = confirmed.values().iterator();
        Iterator<Reservation> b = gone.values().iterator();
        Reservation nextA = a.hasNext() ? a.next() : null;
        Reservation nextB = b.hasNext() ? b.next() : null;
        while ((nextA != null || nextB != null) && out.size() < limit) {
            Reservation next;
            if (nextB == null || (nextA != null && ORDER.compare(nextA, nextB) <= 0)) {
                next = nextA;
                nextA = a.hasNext() ? a.next() : null;
            } else {
                next = nextB;
                nextB = b.hasNext() ? b.next() : null;
            }
            if (filter.test(next)) {
                out.add(next);
            }
        }
        return out;
    }
}
