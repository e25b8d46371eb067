package dev.reservation.bench;

import dev.reservation.core.domain.ReservationConflictException;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.service.ReserveRequest;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How a booking attempt's cost grows as the room fills: the room holds N confirmed reservations
 * and each attempt asks for a slot that overlaps one of them at random, so the store's conflict
 * check runs in full and nothing changes between attempts. The suggestions a person would see are
 * not computed here ({@code checkOnly}) — they are a separate read — but are in {@code withSuggestions}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ConflictCheckBenchmark {
    @Param({"100", "10000", "1000000"})
    public int existing;

    CoreWorld world;
    SplittableRandom random;

    @Setup(Level.Trial)
    public void setUp() {
        world = new CoreWorld();
        world.addRooms(4);
        world.fill("r0", existing);
        random = new SplittableRandom(7);
    }

    private ReserveRequest overlappingRequest() {
        int victim = random.nextInt(existing);
        TimeSlot slot = TimeSlot.of(CoreWorld.FIRST_SLOT.plus(Duration.ofHours(victim)).plus(Duration.ofMinutes(10)),
                Duration.ofMinutes(30));
        return new ReserveRequest("r0", world.user.id(), slot, "Clash", 1);
    }

    @Benchmark
    public Object checkOnly() {
        return world.reservations.book(dev.reservation.core.domain.Reservation.confirmed("attempt", "r0",
                world.user.id(), overlappingRequest().slot(), "Clash", 1, CoreWorld.NOW, null));
    }

    @Benchmark
    public Object withSuggestions() {
        try {
            return world.service.reserve(world.actor, overlappingRequest());
        } catch (ReservationConflictException expected) {
            return expected.conflicts();
        }
    }
}
