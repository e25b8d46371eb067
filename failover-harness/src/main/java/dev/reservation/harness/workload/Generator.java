package dev.reservation.harness.workload;

import dev.reservation.core.domain.TimeSlot;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Chooses each client's next operation: mostly reservations of random grid-aligned slots of the
 * spec's lengths in random rooms of the current hot window (so clients contend for rooms and many
 * attempts overlap), some reads of a room's hot window, and cancellations of a share of the client's own acknowledged
 * bookings, each a few operations after it was acknowledged. Seeded, so a run can be repeated (given
 * the same outcomes). NOT thread-safe: each client thread owns one.
 */
public final class Generator {
    /** A cancellation is issued 1 to this many operations of the client after its booking's ok. */
    static final int MAX_CANCEL_DELAY = 8;
    private final WorkloadSpec spec;
    private final String process;
    private final Random random;
    private final DoubleSupplier progress;
    private final List<Due> cancels = new ArrayList<>();
    private long counter;
    private long ops;

    private record Due(long at, Plan.Cancel plan) {
    }

    /** @param progress how much of the trial has passed, 0..1 (moves the hot window) */
    public Generator(WorkloadSpec spec, String process, long seed, DoubleSupplier progress) {
        this.spec = spec;
        this.process = process;
        this.random = new Random(seed);
        this.progress = progress;
    }

    /** A generator whose hot window stays at the window's start. */
    public Generator(WorkloadSpec spec, String process, long seed) {
        this(spec, process, seed, () -> 0);
    }

    public Plan next() {
        ops++;
        for (int i = 0; i < cancels.size(); i++) {
            if (cancels.get(i).at() <= ops) {
                return cancels.remove(i).plan();
            }
        }
        String room = spec.rooms().get(random.nextInt(spec.rooms().size()));
        TimeSlot hot = spec.hotWindowAt(progress.getAsDouble());
        if (random.nextDouble() < spec.readFraction()) {
            return new Plan.Read(room, hot);
        }
        Duration length = spec.slotLengths().get(random.nextInt(spec.slotLengths().size()));
        long position = (long) (random.nextDouble() * spec.startPositions(length, hot));
        TimeSlot slot = TimeSlot.of(hot.start().plus(spec.grid().multipliedBy(position)), length);
        String user = spec.users().get(random.nextInt(spec.users().size()));
        String key = spec.keyPrefix() + "t" + spec.trial() + "-" + process + "-" + (counter++);
        return new Plan.Reserve(key, room, user, slot);
    }

    /** Hears how an operation of this client ended: an ok booking may be scheduled for cancellation. */
    public void observe(Op completion) {
        if (completion == null || !completion.is(OpType.OK, HistoryTerms.RESERVE) || spec.cancelFraction() <= 0
                || random.nextDouble() >= spec.cancelFraction()) {
            return;
        }
        Plan.Cancel cancel = new Plan.Cancel(completion.require(HistoryTerms.ID), completion.require(HistoryTerms.KEY),
                completion.require(HistoryTerms.ROOM), completion.require(HistoryTerms.USER),
                new TimeSlot(Instant.parse(completion.require(HistoryTerms.START)), Instant.parse(completion.require(HistoryTerms.END))));
        cancels.add(new Due(ops + 1 + random.nextInt(MAX_CANCEL_DELAY), cancel));
    }
}
