package dev.reservation.bench;

import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.service.FreeRoomQuery;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Free-room search over 1,000 rooms holding 1,000,000 reservations in all (1,000 each): a
 * one-hour slot at a random time within the filled range, at least 4 seats, one piece of
 * equipment. Sampled, so the report has p50 and p99.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class FreeRoomSearchBenchmark {
    static final int ROOMS = 1_000;
    static final int PER_ROOM = 1_000;

    CoreWorld world;
    SplittableRandom random;

    @Setup(Level.Trial)
    public void setUp() {
        world = new CoreWorld();
        world.addRooms(ROOMS);
        for (int i = 0; i < ROOMS; i++) {
            world.fill("r" + i, PER_ROOM);
        }
        random = new SplittableRandom(11);
    }

    @Benchmark
    public List<Room> search() {
        TimeSlot slot = TimeSlot.of(CoreWorld.FIRST_SLOT.plus(Duration.ofMinutes(15L * random.nextInt(PER_ROOM * 4))),
                Duration.ofHours(1));
        return world.search.freeRooms(new FreeRoomQuery(slot, 4, Set.of(Equipment.WHITEBOARD)));
    }
}
