package dev.reservation.bench;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.service.ReserveRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Booking throughput of the core service on the in-memory store: every call is a full
 * {@code ReservationService.reserve} (room and user lookup, policy, id, atomic conflict check and
 * insert) of the next free 5-minute slot. One thread, and two threads booking different rooms.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BookingThroughputBenchmark {

    @State(Scope.Benchmark)
    public static class World {
        CoreWorld world;
        final AtomicInteger nextRoom = new AtomicInteger();

        @Setup(Level.Iteration)
        public void setUp() {
            world = new CoreWorld();
            world.addRooms(8);
            nextRoom.set(0);
        }
    }

    /** Each thread books its own room, slot after slot. */
    @State(Scope.Thread)
    public static class Cursor {
        String roomId;
        long slot;

        @Setup(Level.Iteration)
        public void setUp(World w) {
            roomId = "r" + w.nextRoom.getAndIncrement();
            slot = 0;
        }
    }

    private static Reservation book(World w, Cursor c) {
        TimeSlot slot = TimeSlot.of(CoreWorld.FIRST_SLOT.plus(Duration.ofMinutes(5 * c.slot++)), Duration.ofMinutes(5));
        return w.world.service.reserve(w.world.actor, new ReserveRequest(c.roomId, w.world.user.id(), slot, "Sync", 1));
    }

    @Benchmark
    @Threads(1)
    public Reservation oneThread(World w, Cursor c) {
        return book(w, c);
    }

    @Benchmark
    @Threads(2)
    public Reservation twoThreadsDifferentRooms(World w, Cursor c) {
        return book(w, c);
    }
}
