package dev.reservation.mongo.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ContractData;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store reuses the space of freed chunks at the next commit, with no retention time
 * ({@link DurableH2Backend}): what keeps a read from finding its pages overwritten is that every
 * command registers the store version it reads. Here reads walk many pages (a room's whole list,
 * every room's reservations of one slot) while a writer books without pause, so commits and
 * compaction steps run under them all the time. Every read must succeed and see a state some
 * moment held: each booking acknowledged before the read began, no booking twice, starts in order.
 *
 * <p>What this does not show: it also passed with the registration taken out. This store fits in
 * MVStore's page cache, so its reads do not go back to the file, where an overwritten chunk would
 * be found. That the registration keeps a read's chunks from being freed is MVStore's rule
 * ({@code FileStore.dropUnusedChunks} frees only chunks unused before the oldest registered version),
 * not something this test demonstrates.
 */
class ReadsDuringCompactionTest {
    static final Instant DAY = Instant.parse("2031-06-02T00:00:00Z");
    static final List<String> ROOMS = List.of("r-1", "r-2", "r-3");

    @TempDir
    Path dataDir;

    @Test
    void readsWalkingManyPagesSeeWholeStatesWhileTheFileIsReused() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.tryStart(dataDir, 0, Clock.systemUTC()).orElseThrow();
             MongoStores stores = MongoStores.open(StoreOptions.embedded(dataDir))) {
            ROOMS.forEach(id -> stores.rooms().insert(ContractData.room(id, "Room " + id)));
            AtomicInteger booked = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService threads = Executors.newFixedThreadPool(3);
            Future<?> writer = threads.submit(() -> {
                for (int i = 0; !stop.get() && i < 20_000; i++) {
                    TimeSlot slot = TimeSlot.of(DAY.plus(Duration.ofMinutes(10L * (i / ROOMS.size()))), Duration.ofMinutes(10));
                    Reservation r = ContractData.candidate(ROOMS.get(i % ROOMS.size()), "u-" + i % 5, slot);
                    assertThat(stores.reservations().book(r)).isInstanceOf(BookingOutcome.Booked.class);
                    booked.incrementAndGet();
                }
                return null;
            });
            AtomicInteger reads = new AtomicInteger();
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                readers.add(threads.submit(() -> {
                    while (!stop.get()) {
                        int before = booked.get();
                        List<Reservation> all = stores.reservations().find(ReservationQuery.all().room("r-1").limit(10_000));
                        assertThat(all.size()).isGreaterThanOrEqualTo((before + 2) / ROOMS.size());
                        assertThat(all).extracting(Reservation::id).doesNotHaveDuplicates();
                        assertThat(all).extracting(r -> r.slot().start()).isSorted();
                        reads.incrementAndGet();
                    }
                    return null;
                }));
            }
            Thread.sleep(Duration.ofSeconds(8).toMillis());
            stop.set(true);
            writer.get(60, TimeUnit.SECONDS);
            for (Future<?> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();
            System.out.printf("%,d bookings, %,d reads of a whole room list; %s%n", booked.get(), reads.get(),
                    server.compactionSummary());
            assertThat(reads.get()).isPositive();
            assertThat(server.compactionSummary()).doesNotStartWith("0 steps");
        }
    }
}
