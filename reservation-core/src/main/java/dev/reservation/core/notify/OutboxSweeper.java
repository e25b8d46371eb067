package dev.reservation.core.notify;

import dev.reservation.core.domain.Reservation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Closes the window between a change's commit and its enqueue: a process that crashes there (or
 * whose enqueue failed) leaves a committed reservation version with no outbox entry. Each
 * {@link #sweep()} reads the reservations that changed since the last sweep (a cursor kept in the
 * outbox, minus an {@code overlap}) up to a little before now ({@code settle}), asks the outbox in
 * one query which of their entries exist, and enqueues the missing ones: the same idempotent
 * enqueue the service does, so a race with the service or another instance's sweeper is harmless.
 *
 * <p>Why the overlap: the service stamps {@code createdAt}/{@code cancelledAt} before the write, so
 * a change becomes visible some time after its stamp (a booking waiting for a primary during an
 * election: up to the primary wait plus the write timeout). A change committed later than
 * {@code overlap} after its own stamp, by a process that also crashed before enqueueing it, is the
 * one case left uncovered; the default overlap (10 minutes) is several times the longest booking the
 * store allows before fencing it. Clocks of app instances skewed by more than the overlap widen it.
 *
 * <p>The first sweep of a fresh outbox starts at now: turning notifications on does not mail the
 * whole history. Thread-safe if its collaborators are; run it from one thread at a time.
 */
public final class OutboxSweeper {
    public static final String CURSOR = "sweeper";
    static final int PAGE = 500;

    private final ReservationChanges changes;
    private final OutboxStore outbox;
    private final OutboxConsumers consumers;
    private final Clock clock;
    private final Duration overlap;
    private final Duration settle;

    public OutboxSweeper(ReservationChanges changes, OutboxStore outbox, List<String> consumers, Clock clock,
                         Duration overlap, Duration settle) {
        this(changes, outbox, OutboxConsumers.fixed(consumers), clock, overlap, settle);
    }

    public OutboxSweeper(ReservationChanges changes, OutboxStore outbox, OutboxConsumers consumers, Clock clock,
                         Duration overlap, Duration settle) {
        this.changes = Objects.requireNonNull(changes);
        this.outbox = Objects.requireNonNull(outbox);
        this.consumers = Objects.requireNonNull(consumers);
        this.clock = Objects.requireNonNull(clock);
        this.overlap = Objects.requireNonNull(overlap);
        this.settle = Objects.requireNonNull(settle);
    }

    /** What one sweep looked at and recovered. */
    public record Result(Instant from, Instant to, int seen, int enqueued) {
    }

    public Result sweep() {
        Instant until = clock.instant().minus(settle);
        var cursor = outbox.cursor(CURSOR);
        if (cursor.isEmpty()) {
            outbox.advanceCursor(CURSOR, until);
            return new Result(until, until, 0, 0);
        }
        Instant from = cursor.get().minus(overlap);
        if (!from.isBefore(until)) {
            return new Result(from, until, 0, 0);
        }
        int[] counts = new int[2];
        sweepWindow(from, until, counts);
        outbox.advanceCursor(CURSOR, until);
        return new Result(from, until, counts[0], counts[1]);
    }

    private void sweepWindow(Instant from, Instant to, int[] counts) {
        List<Reservation> found = changes.changedBetween(from, to, PAGE);
        long span = Duration.between(from, to).toMillis();
        if (found.size() >= PAGE && span > 1) {
            Instant middle = from.plusMillis(span / 2);
            sweepWindow(from, middle, counts);
            sweepWindow(middle, to, counts);
            return;
        }
        counts[0] += found.size();
        Map<String, OutboxEntry.New> wanted = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (Reservation r : found) {
            if (r.neverBooked()) {
                continue; // a rolled-back series occurrence: never announced, so its end is not either
            }
            Instant changedAt = r.cancelledAt() != null ? r.cancelledAt() : r.createdAt();
            for (String consumer : consumers.of(r, changedAt)) {
                OutboxEntry.New entry = new OutboxEntry.New(consumer, r.id(), r.version(), ChangeKind.of(r), r.userId(),
                        now);
                wanted.put(entry.id(), entry);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        Set<String> present = outbox.existing(new ArrayList<>(wanted.keySet()));
        for (OutboxEntry.New entry : wanted.values()) {
            if (!present.contains(entry.id()) && outbox.enqueue(entry)) {
                counts[1]++;
            }
        }
    }
}
