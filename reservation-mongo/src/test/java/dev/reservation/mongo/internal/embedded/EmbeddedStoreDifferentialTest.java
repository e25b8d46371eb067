package dev.reservation.mongo.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.testing.InProcessMongo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on the embedded default (its indexes and planner, the {@code days} lookups of
 * windowed lists) against the same store on mongo-java-server's memory backend, which has no
 * secondary indexes and scans, and against a model that is obviously right (every reservation in
 * a list, filtered by {@link ReservationQuery#matches}, sorted by start and id, cut to the limit).
 * The same random bookings (rooms, users, slots of 15 minutes to 30 hours, so many span several
 * UTC days, over 200 days) and cancellations go to both stores; then random queries (room, user,
 * status, windows of hours to hundreds of days, open at either end as the API and the list page
 * send them, limits) and free-room searches must give the same answers from all three.
 */
class EmbeddedStoreDifferentialTest {
    private static final Instant BASE = Instant.parse("2031-01-05T00:00:00Z");
    private static final String[] ROOMS = {"r0", "r1", "r2", "r3"};
    private static final String[] USERS = {"u0", "u1", "u2"};
    private static final int DAYS = 200;

    @TempDir
    Path dataDir;
    private final Random random = new Random(Long.getLong("differential.seed", 7));

    @Test
    void indexedEmbeddedStoreAnswersAsTheScanningServerAndTheModel() {
        EmbeddedServer embedded = EmbeddedServer.tryStart(dataDir, 0, Clock.systemUTC()).orElseThrow();
        try (InProcessMongo scanning = new InProcessMongo();
             MongoStores indexed = MongoStores.open(StoreOptions.embedded(dataDir))) {
            MongoStores plain = scanning.open();
            ReservationStore a = indexed.reservations();
            ReservationStore b = plain.reservations();
            List<Reservation> model = new ArrayList<>();
            int booked = 0;
            for (int i = 0; i < 400; i++) {
                if (random.nextInt(6) == 0 && !model.isEmpty()) {
                    Reservation target = model.get(random.nextInt(model.size()));
                    if (target.isConfirmed()) {
                        Reservation ca = a.cancel(target.id(), target.version(), BASE, target.userId());
                        Reservation cb = b.cancel(target.id(), target.version(), BASE, target.userId());
                        assertThat(ca).isEqualTo(cb);
                        model.set(model.indexOf(target), ca);
                    }
                    continue;
                }
                Reservation candidate = candidate(i);
                BookingOutcome oa = a.book(candidate);
                BookingOutcome ob = b.book(candidate);
                assertThat(oa.getClass()).as("booking %s", candidate).isEqualTo(ob.getClass());
                if (oa instanceof BookingOutcome.Booked booking) {
                    model.add(booking.reservation());
                    booked++;
                }
            }
            assertThat(booked).isGreaterThan(150);

            for (int q = 0; q < 400; q++) {
                ReservationQuery query = randomQuery();
                List<String> want = model.stream().filter(query::matches)
                        .sorted(Comparator.comparing((Reservation r) -> r.slot().start()).thenComparing(Reservation::id))
                        .limit(query.limit()).map(Reservation::id).toList();
                List<String> fromIndexed = ids(a.find(query));
                List<String> fromScanning = ids(b.find(query));
                assertThat(fromIndexed).as("indexed %s", query).isEqualTo(want);
                assertThat(fromScanning).as("scanning %s", query).isEqualTo(want);
            }
            for (int q = 0; q < 100; q++) {
                TimeSlot slot = TimeSlot.of(at(random.nextInt(DAYS * 96)), Duration.ofMinutes(15L * (1 + random.nextInt(12))));
                Set<String> want = new HashSet<>();
                model.stream().filter(r -> r.isConfirmed() && r.slot().overlaps(slot)).forEach(r -> want.add(r.roomId()));
                assertThat(a.busyRooms(slot, List.of(ROOMS))).as("indexed busy rooms %s", slot).isEqualTo(want);
                assertThat(b.busyRooms(slot, List.of(ROOMS))).as("scanning busy rooms %s", slot).isEqualTo(want);
            }
        } finally {
            embedded.close();
        }
    }

    private Reservation candidate(int i) {
        int quarters = random.nextInt(4) == 0 ? 1 + random.nextInt(120) : 1 + random.nextInt(8);
        TimeSlot slot = TimeSlot.of(at(random.nextInt(DAYS * 96)), Duration.ofMinutes(15L * quarters));
        String user = USERS[random.nextInt(USERS.length)];
        return Reservation.confirmed("id-" + i, ROOMS[random.nextInt(ROOMS.length)], user, slot, "t", 1, BASE,
                random.nextBoolean() ? "key-" + i : null);
    }

    private static Instant at(int quarter) {
        return BASE.plus(Duration.ofMinutes(15L * quarter));
    }

    private ReservationQuery randomQuery() {
        ReservationQuery q = ReservationQuery.all();
        if (random.nextInt(3) > 0) {
            q = q.room(ROOMS[random.nextInt(ROOMS.length)]);
        }
        if (random.nextInt(3) == 0) {
            q = q.user(USERS[random.nextInt(USERS.length)]);
        }
        switch (random.nextInt(4)) {
            case 0 -> q = q.confirmedOnly();
            case 1 -> q = q.status(ReservationStatus.CANCELLED);
            default -> { }
        }
        Instant from = at(random.nextInt(DAYS * 96 + 200) - 100);
        switch (random.nextInt(6)) {
            case 0 -> q = q.window(from, from.plus(Duration.ofMinutes(15L * (1 + random.nextInt(96)))));
            case 1 -> q = q.window(from, from.plus(Duration.ofDays(1 + random.nextInt(10))));
            case 2 -> q = q.window(from, from.plus(Duration.ofDays(50 + random.nextInt(200))));
            case 3 -> q = q.window(from, Instant.parse("9999-01-01T00:00:00Z")); // the API's "from only"
            case 4 -> q = q.window(Instant.EPOCH, from); // "to only"
            default -> { }
        }
        if (random.nextBoolean()) {
            q = q.limit(1 + random.nextInt(random.nextBoolean() ? 5 : 60));
        }
        return q;
    }

    private static List<String> ids(List<Reservation> found) {
        return found.stream().map(Reservation::id).toList();
    }
}
