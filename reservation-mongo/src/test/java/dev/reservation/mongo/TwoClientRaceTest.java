package dev.reservation.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ContractData;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.mongo.testing.InProcessMongo;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two "application instances" (two MongoStores, two MongoClients) book overlapping slots of one
 * room at once, including slots over several days; only non-overlapping winners may survive, as
 * seen by a third, fresh client.
 */
class TwoClientRaceTest {
    private final InProcessMongo mongo = new InProcessMongo();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void twoClientsBookingOneSlotLeaveExactlyOneWinner() throws Exception {
        String db = InProcessMongo.freshDatabase();
        ReservationStore a = mongo.open(db, Clock.systemUTC()).reservations();
        ReservationStore b = mongo.open(db, Clock.systemUTC()).reservations();
        TimeSlot slot = ContractData.slot(0, 10, 0, 60);
        List<Callable<BookingOutcome>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ReservationStore store = i % 2 == 0 ? a : b;
            Reservation candidate = ContractData.candidate("room", "u" + i, slot);
            tasks.add(() -> store.book(candidate));
        }
        List<BookingOutcome> outcomes = runTogether(tasks);
        assertThat(outcomes).filteredOn(o -> o instanceof BookingOutcome.Booked).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof BookingOutcome.Conflict).hasSize(15);
        assertThat(freshRead(db)).hasSize(1);
    }

    @Test
    void twoClientsBookingOverlappingMultiDaySlotsKeepOnlyNonOverlappingWinners() throws Exception {
        String db = InProcessMongo.freshDatabase();
        ReservationStore a = mongo.open(db, Clock.systemUTC()).reservations();
        ReservationStore b = mongo.open(db, Clock.systemUTC()).reservations();
        Random random = new Random(7);
        List<Callable<List<BookingOutcome>>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            ReservationStore store = t % 2 == 0 ? a : b;
            List<Reservation> plan = new ArrayList<>();
            for (int k = 0; k < 15; k++) {
                int day = random.nextInt(3);
                int startMinute = random.nextInt(48) * 30;
                int minutes = random.nextInt(4) == 0 ? (20 + random.nextInt(40)) * 60 : (1 + random.nextInt(6)) * 30;
                plan.add(ContractData.candidate("room", "u" + t, ContractData.slot(day, 0, startMinute, minutes)));
            }
            tasks.add(() -> plan.stream().map(store::book).toList());
        }
        List<Reservation> winners = runTogether(tasks).stream().flatMap(List::stream)
                .filter(o -> o instanceof BookingOutcome.Booked)
                .map(o -> ((BookingOutcome.Booked) o).reservation()).toList();

        List<Reservation> stored = freshRead(db);
        assertThat(stored).extracting(Reservation::id)
                .containsExactlyInAnyOrderElementsOf(winners.stream().map(Reservation::id).toList());
        assertThat(stored).anyMatch(r -> r.slot().duration().compareTo(Duration.ofHours(20)) >= 0);
        for (int i = 0; i < stored.size(); i++) {
            for (int j = i + 1; j < stored.size(); j++) {
                assertThat(stored.get(i).slot().overlaps(stored.get(j).slot()))
                        .as("%s overlaps %s", stored.get(i), stored.get(j)).isFalse();
            }
        }
    }

    private List<Reservation> freshRead(String db) {
        try (MongoStores reader = MongoStores.open(mongo.options(db))) {
            return reader.reservations().find(ReservationQuery.all().room("room").confirmedOnly());
        }
    }

    private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
