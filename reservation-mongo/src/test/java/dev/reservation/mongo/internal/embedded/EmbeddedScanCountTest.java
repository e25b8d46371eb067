package dev.reservation.mongo.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.reservation.core.auth.SessionStore.StoredSession;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.notify.OutboxEntry;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost of the store's queries on the embedded default does not grow with what is stored:
 * every call the pages, the API and the booking protocol make is run on a store of
 * {@value #SMALL} reservations (and {@value #SESSIONS} sessions), then again after the store has
 * grown tenfold (more days on both sides of the day looked at, ten times the sessions), and the
 * documents the server read for it ({@link QueryStats#examined()}, a count, not a timing) must
 * stay the same, with no collection scan at either size (a webhook subscription's outbox grows
 * tenfold too, behind its head and beside it). The answers must be the same too: the
 * growth lies outside every window asked for.
 */
class EmbeddedScanCountTest {
    static final int ROOMS = 10;
    static final int SLOTS_PER_DAY = 8;
    static final int PER_DAY = ROOMS * SLOTS_PER_DAY;
    static final int SMALL_DAYS = 30;
    static final int SMALL = SMALL_DAYS * PER_DAY;
    static final int SESSIONS = 200;
    /** Outbox entries of the webhook subscription measured, and as many e-mail entries beside them. */
    static final int DELIVERIES = 100;
    static final String HOOK = "wh:scan-count";
    static final int USERS = 40;
    static final Instant DAY0 = Instant.parse("2031-03-03T00:00:00Z");
    /** The day every windowed call looks at: in the middle of the small store's days. */
    static final int DAY = 15;

    @TempDir
    Path dataDir;

    private EmbeddedServer server;
    private MongoStores stores;

    @Test
    void documentsReadPerCallStayTheSameWhenTheStoreGrowsTenfold() {
        server = EmbeddedServer.tryStart(dataDir, 0, Clock.systemUTC()).orElseThrow();
        stores = MongoStores.open(StoreOptions.embedded(dataDir));
        try {
            for (int r = 0; r < ROOMS; r++) {
                stores.rooms().insert(ContractData.room(room(r), "Room " + r));
            }
            load(0, SMALL_DAYS);
            addSessions(0, SESSIONS);
            addDeliveries(0, DELIVERIES);
            Map<String, Measured> small = measureAll(0);

            // tenfold: 135 more days after and 135 before (9 x 30 days), and 9 x the sessions
            load(SMALL_DAYS, SMALL_DAYS + 135);
            load(-135, 0);
            addSessions(SESSIONS, 10 * SESSIONS);
            addDeliveries(DELIVERIES, 10 * DELIVERIES);
            assertThat(stores.reservations().find(ReservationQuery.all().limit(ReservationQuery.MAX_LIMIT)))
                    .hasSize(ReservationQuery.MAX_LIMIT);
            Map<String, Measured> large = measureAll(1);

            StringBuilder table = new StringBuilder("documents read per call, " + SMALL + " -> " + 10 * SMALL
                    + " reservations, " + SESSIONS + " -> " + 10 * SESSIONS + " sessions:\n");
            small.forEach((name, s) -> table.append(String.format("  %-28s %5d -> %5d  (%d results)%n", name,
                    s.examined(), large.get(name).examined(), s.results())));
            System.out.print(table);
            for (var e : small.entrySet()) {
                Measured s = e.getValue();
                Measured l = large.get(e.getKey());
                assertThat(s.scans()).as("%s: collection scans on the small store%n%s", e.getKey(), table).isZero();
                assertThat(l.scans()).as("%s: collection scans on the large store%n%s", e.getKey(), table).isZero();
                assertThat(l.results()).as("%s: results%n%s", e.getKey(), table).isEqualTo(s.results());
                assertThat(l.examined()).as("%s: documents read at 10x%n%s", e.getKey(), table)
                        .isEqualTo(s.examined());
            }
        } finally {
            stores.close();
            server.close();
        }
    }

    /** What one call read and returned. */
    record Measured(long examined, long scans, int results) {
    }

    private <T> void measure(Map<String, Measured> into, String name, Supplier<T> call,
                             java.util.function.ToIntFunction<T> results) {
        QueryStats stats = server.queryStats();
        long examined = stats.examined();
        long scans = stats.scans();
        T value = call.get();
        into.put(name, new Measured(stats.examined() - examined, stats.scans() - scans, results.applyAsInt(value)));
    }

    /** Every call once; round 0 books 18:00 of the day looked at, round 1 19:00 (slots the fill leaves free). */
    private Map<String, Measured> measureAll(int round) {
        int evening = 18 + round;
        Map<String, Measured> m = new LinkedHashMap<>();
        var store = stores.reservations();
        Instant day = day(DAY);
        // the day and week grids (ReservationService#schedule): room, confirmed, window
        measure(m, "room day", () -> store.find(ReservationQuery.all().room(room(3)).confirmedOnly()
                .window(day, day.plus(Duration.ofDays(1)))), List::size);
        Instant berlinMonday = day.minus(Duration.ofHours(1));
        measure(m, "room week (Berlin)", () -> store.find(ReservationQuery.all().room(room(3)).confirmedOnly()
                .window(berlinMonday, berlinMonday.plus(Duration.ofDays(7)))), List::size);
        // a user's reservations: a week of them, the list page's by-user page, from a date on
        measure(m, "user week", () -> store.find(ReservationQuery.all().user(user(7))
                .window(day, day.plus(Duration.ofDays(7)))), List::size);
        measure(m, "user list (limit 51)", () -> store.find(ReservationQuery.all().user(user(9)).limit(51)), List::size);
        measure(m, "room list (limit 51)", () -> store.find(ReservationQuery.all().room(room(4)).limit(51)), List::size);
        measure(m, "list page (limit 501)", () -> store.find(ReservationQuery.all().limit(501)), List::size);
        // the API's cursor pages (keyset after a position): page 100 reads what page 1 does
        ReservationQuery.After middle = new ReservationQuery.After(day, "");
        measure(m, "list page after a cursor", () -> store.find(ReservationQuery.all().limit(501).after(middle)),
                List::size);
        measure(m, "room page after a cursor", () -> store.find(ReservationQuery.all().room(room(4)).limit(51)
                .after(middle)), List::size);
        measure(m, "user from a day (limit 20)", () -> store.find(ReservationQuery.all().user(user(5))
                .window(day, Instant.parse("9999-01-01T00:00:00Z")).limit(20)), List::size);
        // the free-room finder and conflict suggestions
        TimeSlot ten = TimeSlot.of(day.plus(Duration.ofHours(10)), Duration.ofMinutes(30));
        List<String> roomIds = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            roomIds.add(room(r));
        }
        measure(m, "busy rooms", () -> store.busyRooms(ten, roomIds), java.util.Collection::size);
        RoomSearchService search = new RoomSearchService(stores.rooms(), store, BookingPolicy.DEFAULT,
                Clock.fixed(DAY0, ZoneOffset.UTC));
        measure(m, "next free slot", () -> search.nextFreeSlot(room(3), day.plus(Duration.ofHours(8)),
                Duration.ofHours(1)), o -> o.isPresent() ? 1 : 0);
        // the booking protocol: per-room-day claim reads and updates, the insert, replay, conflict, cancel
        String key = "fresh-" + evening;
        Reservation candidate = ContractData.candidate(room(1), user(1),
                TimeSlot.of(day.plus(Duration.ofHours(evening)), Duration.ofHours(1)), key);
        measure(m, "book", () -> store.book(candidate), o -> o instanceof BookingOutcome.Booked ? 1 : 0);
        measure(m, "book again (replay)", () -> store.book(candidate), o -> o instanceof BookingOutcome.Replayed ? 1 : 0);
        Reservation clash = ContractData.candidate(room(1), user(2),
                TimeSlot.of(day.plus(Duration.ofHours(9)), Duration.ofHours(1)));
        measure(m, "book a taken slot", () -> store.book(clash), o -> o instanceof BookingOutcome.Conflict ? 1 : 0);
        measure(m, "by idempotency scope key", () -> store.findByIdempotencyKey(user(11), "key-" + (DAY * PER_DAY + 11)),
                o -> o.isPresent() ? 1 : 0);
        Reservation booked = store.findByIdempotencyKey(user(1), key).orElseThrow();
        measure(m, "by id", () -> store.findById(booked.id()), o -> o.isPresent() ? 1 : 0);
        measure(m, "cancel", () -> store.cancel(booked.id(), booked.version(), day, user(1)), o -> 1);
        // sessions (every signed-in page) and the sign-in throttle
        measure(m, "session by digest", () -> stores.sessions().find(digest(3)), o -> o.isPresent() ? 1 : 0);
        measure(m, "session touch", () -> {
            stores.sessions().touch(digest(3), day, day.plus(Duration.ofDays(1)));
            return 1;
        }, o -> o);
        measure(m, "sessions of a user ended", () -> {
            stores.sessions().deleteAllOf("session-user-" + (round == 0 ? 1 : 15), null);
            return 1;
        }, o -> o);
        measure(m, "failed sign-in counted", () -> stores.signInAttempts().recordFailure("account:u" + evening, day,
                Duration.ofMinutes(15)), o -> 1);
        // a webhook subscription's in-order delivery: lease its head (round 0 the first entry, round 1
        // the second; the growth lies behind them), mark it done, read its delivery log
        var outbox = stores.outbox();
        Instant now = DAY0.plus(Duration.ofDays(400));
        measure(m, "webhook head lease", () -> outbox.leaseHead(HOOK, now, Duration.ofSeconds(30)),
                o -> o.isPresent() ? 1 : 0);
        OutboxEntry head = outbox.find(OutboxEntry.idOf(HOOK, "res" + round, 0,
                dev.reservation.core.notify.ChangeKind.BOOKED)).orElseThrow();
        measure(m, "webhook head done", () -> outbox.markDone(head.id(), head.leaseToken(), now, "HTTP 204"),
                o -> o ? 1 : 0);
        measure(m, "webhook delivery log (20)", () -> outbox.recent(HOOK, 20), List::size);
        return m;
    }

    /** Reservations of days {@code [from, to)}: every room hourly 08:00-16:00, every 20th cancelled. */
    private void load(int fromDay, int toDay) {
        List<Reservation> all = new ArrayList<>();
        for (int d = fromDay; d < toDay; d++) {
            for (int j = 0; j < PER_DAY; j++) {
                int n = d * PER_DAY + j; // unique: one per day and slot
                Instant start = day(d).plus(Duration.ofHours(8 + j / ROOMS));
                boolean cancelled = Math.floorMod(n, 20) == 19;
                String u = user(Math.floorMod(n, USERS));
                all.add(new Reservation("res" + (n + 100_000), room(j % ROOMS), u, TimeSlot.of(start, Duration.ofHours(1)), "t", 2,
                        cancelled ? ReservationStatus.CANCELLED : ReservationStatus.CONFIRMED, DAY0, u,
                        cancelled ? DAY0 : null, cancelled ? u : null, cancelled ? 1 : 0, "key-" + n));
            }
        }
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            BulkLoad.insert(client.getDatabase(StoreOptions.DEFAULT_DATABASE), all, DAY0);
        }
    }

    /** Sessions {@code [from, to)}; sessions 100k and 100k+1 belong to user "session-user-k" (whose sessions a call ends). */
    private void addSessions(int from, int to) {
        Instant now = DAY0;
        for (int i = from; i < to; i++) {
            String owner = i % 100 < 2 ? "session-user-" + i / 100 : user(i % USERS);
            stores.sessions().insert(new StoredSession(digest(i), owner, now, now, now.plus(Duration.ofDays(30))));
        }
    }

    /**
     * Outbox entries {@code [from, to)} of the measured subscription (entry i recorded at DAY0 + i s,
     * so the growth lies behind the head) and as many e-mail entries, oldest of all.
     */
    private void addDeliveries(int from, int to) {
        for (int i = from; i < to; i++) {
            stores.outbox().enqueue(new OutboxEntry.New(HOOK, "res" + i, 0,
                    dev.reservation.core.notify.ChangeKind.BOOKED, user(i % USERS), DAY0.plusSeconds(i)));
            stores.outbox().enqueue(new OutboxEntry.New(OutboxEntry.EMAIL, "res" + i, 0,
                    dev.reservation.core.notify.ChangeKind.BOOKED, user(i % USERS), DAY0.minusSeconds(i)));
        }
    }

    private static String digest(int i) {
        return String.format("%064x", i);
    }

    private static Instant day(int d) {
        return DAY0.plus(Duration.ofDays(d));
    }

    private static String room(int r) {
        return "room" + r;
    }

    private static String user(int u) {
        return "u" + u;
    }
}
