package dev.reservation.harness.workload;

import dev.reservation.core.domain.TimeSlot;
import java.util.Random;

/**
 * Chooses each client's next operation: mostly reservations of random grid-aligned slots in random
 * rooms of the window (so clients contend for rooms and some bookings conflict), some reads. Seeded, so a
 * run can be repeated. NOT thread-safe: each client thread owns one.
 */
public final class Generator {
    private final WorkloadSpec spec;
    private final String process;
    private final Random random;
    private long counter;

    public Generator(WorkloadSpec spec, String process, long seed) {
        this.spec = spec;
        this.process = process;
        this.random = new Random(seed);
    }

    public Plan next() {
        String room = spec.rooms().get(random.nextInt(spec.rooms().size()));
        if (random.nextDouble() < spec.readFraction()) {
            return new Plan.Read(room, spec.window());
        }
        long position = (long) (random.nextDouble() * spec.startPositions());
        TimeSlot slot = TimeSlot.of(spec.window().start().plus(spec.grid().multipliedBy(position)), spec.slotLength());
        String user = spec.users().get(random.nextInt(spec.users().size()));
        String key = spec.keyPrefix() + "t" + spec.trial() + "-" + process + "-" + (counter++);
        return new Plan.Reserve(key, room, user, slot);
    }
}
