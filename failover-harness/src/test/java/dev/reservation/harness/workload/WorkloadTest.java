package dev.reservation.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.DemoData;
import dev.reservation.core.service.IdGenerator;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.RoomSearchService;
import dev.reservation.core.service.SeedService;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.History;
import dev.reservation.harness.history.MonotonicClock;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import dev.reservation.harness.history.Pairs;
import dev.reservation.harness.sim.SimulatedCluster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadTest {
    private final Clock wall = Clock.systemUTC();
    private final MonotonicClock clock = MonotonicClock.system();

    /** The application's booking path on these stores, as a run wires it. */
    private static WorkloadClient client(StoreBackend backend, Clock wall, History history) {
        new SeedService(backend.users(), backend.rooms()).seed(dev.reservation.core.domain.Actor.LOCAL_OPERATOR);
        ReservationService service = new ReservationService(backend.users(), backend.rooms(), backend.reservations(),
                new RoomSearchService(backend.rooms(), backend.reservations(), BookingPolicy.DEFAULT, wall),
                BookingPolicy.DEFAULT, wall, IdGenerator.uuids());
        return new WorkloadClient(request -> service.reserveWithReceipt(new Actor(request.userId(), Role.MEMBER), request),
                backend.reservations(), history);
    }

    private WorkloadSpec spec() {
        Instant base = wall.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        return new WorkloadSpec(List.of("r-spree", "r-havel"), List.of("u-ada", "u-grace"),
                TimeSlot.of(base, Duration.ofHours(6)), Duration.ofMinutes(15), Duration.ofMinutes(5), 0.2, "h-w-", 1);
    }

    @Test
    void everyInvocationCompletesExactlyOnceAndOkBookingsAreStored() throws Exception {
        StoreBackend backend = InMemoryStoreBackend.create(wall);
        History history = new History(clock);
        Workload workload = new Workload(client(backend, wall, history), spec(), 3, 100, 1, clock);

        workload.start();
        Thread.sleep(1_000);
        int stuck = workload.stop(Duration.ofSeconds(5));

        List<Op> ops = history.ops();
        List<Pairs.Pair> pairs = Pairs.of(ops);
        assertThat(stuck).isZero();
        assertThat(pairs).hasSizeBetween(60, 130).allSatisfy(p -> assertThat(p.completion()).isNotNull());
        assertThat(ops.stream().filter(op -> op.type() == OpType.INVOKE).count())
                .isEqualTo(ops.stream().filter(op -> op.type().completes()).count());
        assertThat(ops).filteredOn(op -> op.is(OpType.OK, HistoryTerms.RESERVE)).isNotEmpty().allSatisfy(op ->
                assertThat(backend.reservations().findById(op.require(HistoryTerms.ID)))
                        .hasValueSatisfying(r -> assertThat(r.idempotencyKey()).isEqualTo(op.require(HistoryTerms.KEY))));
        assertThat(ops).filteredOn(op -> op.is(OpType.OK, HistoryTerms.READ)).isNotEmpty();
    }

    @Test
    void clientsContendForRoomsSoSomeBookingsConflict() throws Exception {
        StoreBackend backend = InMemoryStoreBackend.create(wall);
        History history = new History(clock);
        WorkloadSpec narrow = new WorkloadSpec(List.of("r-spree"), List.of("u-ada"), TimeSlot.of(spec().window().start(),
                Duration.ofHours(1)), Duration.ofMinutes(15), Duration.ofMinutes(5), 0, "h-n-", 1);
        Workload workload = new Workload(client(backend, wall, history), narrow, 2, 100, 3, clock);

        workload.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        // four 15-minute slots fit the window: from the fifth completed booking on, attempts must conflict
        while (history.ops().stream().filter(op -> op.type().completes()).count() < 12 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        workload.stop(Duration.ofSeconds(5));

        assertThat(history.ops()).anyMatch(op -> op.type() == OpType.FAIL
                && HistoryTerms.REASON_CONFLICT.equals(op.value().get(HistoryTerms.REASON)));
        assertThat(backend.reservations().find(ReservationQuery.all().room("r-spree").status(ReservationStatus.CONFIRMED)))
                .hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void recordsUnavailableAsFailAndUnknownOutcomeAsInfo() {
        SimulatedCluster cluster = new SimulatedCluster(false, wall);
        StoreBackend backend = cluster.stores().open("", wall);
        History history = new History(clock);
        WorkloadClient client = client(backend, wall, history);
        Generator generator = new Generator(new WorkloadSpec(List.of("r-spree"), List.of("u-ada"), spec().window(),
                Duration.ofMinutes(15), Duration.ofMinutes(5), 0, "h-u-", 1), "c0", 5);

        cluster.kill();
        Op whileDown = client.perform("c0", generator.next());
        cluster.start();
        Op firstAfter = client.perform("c0", generator.next());

        assertThat(whileDown.type()).isEqualTo(OpType.FAIL);
        assertThat(whileDown.value()).containsEntry(HistoryTerms.REASON, HistoryTerms.REASON_UNAVAILABLE);
        assertThat(firstAfter.type()).isEqualTo(OpType.INFO);
        assertThat(firstAfter.error()).contains("could not confirm");
        assertThat(DemoData.ROOMS).isNotEmpty();
    }
}
