package dev.reservation.mongo.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.RoomSearchService;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ContractData;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.internal.BulkLoad;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store answers every query of the pages, the API and the booking protocol by
 * reading about as many documents as it returns, never by scanning: {@link QueryStats} counts the
 * documents the server read and the collection scans, over a store of {@value #STORED}
 * reservations (20 rooms, 10 hourly bookings a day for 30 days, every 20th cancelled). A query
 * that scanned would read all of them.
 */
class EmbeddedIndexUseTest {
    static final int STORED = 6_000;
    static final Instant DAY0 = Instant.parse("2031-03-03T00:00:00Z");
    static final int ROOMS = 20;

    @TempDir
    static Path dataDir;
    static EmbeddedServer server;
    static MongoStores stores;

    @BeforeAll
    static void fill() {
        server = EmbeddedServer.tryStart(dataDir, 0, Clock.systemUTC()).orElseThrow();
        stores = MongoStores.open(StoreOptions.embedded(dataDir));
        List<String> roomIds = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            stores.rooms().insert(ContractData.room(room(r), "Room " + r));
            roomIds.add(room(r));
        }
        List<Reservation> all = new ArrayList<>();
        for (int i = 0; i < STORED; i++) {
            int day = i / (ROOMS * 10);
            int slot = (i % (ROOMS * 10)) / ROOMS;
            Instant start = DAY0.plus(Duration.ofDays(day)).plus(Duration.ofHours(8 + slot));
            boolean cancelled = i % 20 == 19;
            String user = "u" + (i % 50);
            all.add(new Reservation("res" + i, room(i % ROOMS), user, TimeSlot.of(start, Duration.ofHours(1)), "t", 2,
                    cancelled ? ReservationStatus.CANCELLED : ReservationStatus.CONFIRMED, DAY0, user,
                    cancelled ? DAY0 : null, cancelled ? user : null, cancelled ? 1 : 0, "key" + i));
        }
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            BulkLoad.insert(client.getDatabase(StoreOptions.DEFAULT_DATABASE), all, DAY0);
        }
    }

    @AfterAll
    static void stop() {
        stores.close();
        server.close();
    }

    private static String room(int r) {
        return "room" + r;
    }

    /** Runs {@code call}; asserts it scanned nothing and read at most {@code perResult} documents per result plus {@code slack}. */
    private static <T> T served(String what, Supplier<T> call, int results, int perResult, int slack) {
        QueryStats stats = server.queryStats();
        long examined = stats.examined();
        long scans = stats.scans();
        T value = call.get();
        assertThat(stats.scans() - scans).as("%s: collection scans", what).isZero();
        assertThat(stats.examined() - examined).as("%s: documents read", what)
                .isLessThanOrEqualTo((long) results * perResult + slack);
        return value;
    }

    private static List<Reservation> find(String what, ReservationQuery q, int expected, int perResult, int slack) {
        List<Reservation> found = served(what, () -> stores.reservations().find(q), expected, perResult, slack);
        assertThat(found).as(what).hasSize(expected);
        return found;
    }

    @Test
    void schedulesListsAndTheFreeRoomFinderReadOnlyWhatTheyShow() {
        Instant day5 = DAY0.plus(Duration.ofDays(5));
        // a room's day (the schedule's query: room, confirmed, window)
        find("room day", ReservationQuery.all().room(room(3)).confirmedOnly().window(day5, day5.plus(Duration.ofDays(1))),
                10, 1, 2);
        // a room's week, in a zone that is not UTC (the window touches 8 UTC days)
        Instant berlinMonday = day5.minus(Duration.ofHours(1));
        List<Reservation> week = find("room week", ReservationQuery.all().room(room(3)).confirmedOnly()
                .window(berlinMonday, berlinMonday.plus(Duration.ofDays(7))), 70, 2, 10);
        assertThat(week).isSortedAccordingTo((a, b) -> a.slot().start().compareTo(b.slot().start()));
        // a user's reservations over a week, any status
        find("user week", ReservationQuery.all().user("u7").window(day5, day5.plus(Duration.ofDays(7))), 28, 2, 10);
        // the list page with no filter: the first 501 by start
        find("list page", ReservationQuery.all().limit(501), 501, 1, 40);
        find("list page by room", ReservationQuery.all().room(room(4)).limit(51), 51, 1, 10);
        find("list page by user", ReservationQuery.all().user("u9").limit(51), 51, 1, 10);
        // room and user: a walk of the user's reservations (half of them in that room)
        find("list page by room and user", ReservationQuery.all().room(room(4)).user("u4").limit(20), 20, 2, 10);
        // the API's open-ended windows: from only, to only (the other end EPOCH / 9999)
        Instant far = Instant.parse("9999-01-01T00:00:00Z");
        List<Reservation> fromOnly = find("from only", ReservationQuery.all().room(room(2))
                .window(day5.plus(Duration.ofMinutes(30 + 9 * 60)), far).limit(100), 100, 2, 10);
        assertThat(fromOnly.get(0).slot().start()).isEqualTo(day5.plus(Duration.ofHours(9))); // it started before
        find("to only", ReservationQuery.all().user("u1").window(Instant.EPOCH, day5).limit(1000), 20, 1, 10);
        // the free-room finder (ReservationStore#busyRooms, the default: one window across rooms)
        TimeSlot slot = TimeSlot.of(day5.plus(Duration.ofHours(10)), Duration.ofMinutes(30));
        List<String> roomIds = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            roomIds.add(room(r));
        }
        // one window across rooms: the day's reservations that start before the window ends (index days_start)
        assertThat(served("busy rooms", () -> stores.reservations().busyRooms(slot, roomIds), 3 * ROOMS, 1, 5))
                .hasSize(ROOMS - 1); // one of the 20 slots at 10:00 is cancelled
        // conflict suggestions: the next free slot (room, confirmed, window of a week at a time)
        RoomSearchService search = new RoomSearchService(stores.rooms(), stores.reservations(), BookingPolicy.DEFAULT,
                Clock.fixed(DAY0, ZoneOffset.UTC));
        assertThat(served("next free slot", () -> search.nextFreeSlot(room(3), day5.plus(Duration.ofHours(8)),
                Duration.ofHours(1)), 90, 1, 10)).isPresent(); // one week at a time: 9 days of room 3
    }

    @Test
    void theBookingProtocolsLookupsAreKeyLookups() {
        Instant day40 = DAY0.plus(Duration.ofDays(40));
        Reservation candidate = ContractData.candidate(room(1), "u1", TimeSlot.of(day40, Duration.ofHours(2)), "fresh");
        BookingOutcome booked = served("book", () -> stores.reservations().book(candidate), 1, 1, 6);
        assertThat(booked).isInstanceOf(BookingOutcome.Booked.class);
        Reservation clash = ContractData.candidate(room(1), "u2", TimeSlot.of(day40.plus(Duration.ofHours(1)),
                Duration.ofHours(1)));
        assertThat(served("conflict", () -> stores.reservations().book(clash), 1, 1, 10))
                .isInstanceOf(BookingOutcome.Conflict.class);
        assertThat(served("replay", () -> stores.reservations().book(candidate), 1, 1, 6))
                .isInstanceOf(BookingOutcome.Replayed.class);
        assertThat(served("by id", () -> stores.reservations().findById("res10"), 1, 1, 0)).isPresent();
        assertThat(served("by key", () -> stores.reservations().findByIdempotencyKey("u11", "key11"), 1, 1, 0)).isPresent();
        Reservation mine = ((BookingOutcome.Booked) booked).reservation();
        served("cancel", () -> stores.reservations().cancel(mine.id(), 0, day40, "u1"), 1, 1, 2);
        assertThat(stores.reservations().findById(mine.id()).orElseThrow().status()).isEqualTo(ReservationStatus.CANCELLED);
    }
}
