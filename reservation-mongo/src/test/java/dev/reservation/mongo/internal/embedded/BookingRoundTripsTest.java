package dev.reservation.mongo.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ContractData;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trips of one booking through the Mongo store, counted by the embedded server (every
 * command the driver sends is one; the driver's heartbeats are left out): a booking that lands is
 * one conditional update per UTC day it touches (its claim on that room-day document) and one
 * insert, and nothing is read first. The days are claimed one command each, in ascending order, as
 * the protocol's argument and its model take them ({@code docs/model/booking.pml}); a refused attempt
 * pays for the reads that judge the claim in its way and for its tombstone. These counts are the
 * figures docs/ARCHITECTURE.md states; a change to the protocol that adds a round trip fails here.
 */
class BookingRoundTripsTest {
    static final Set<String> HEARTBEATS = Set.of("isMaster", "ismaster", "hello");
    static final Instant DAY = Instant.parse("2031-03-03T00:00:00Z");

    @TempDir
    Path dataDir;
    private EmbeddedServer server;
    private MongoStores stores;

    @BeforeEach
    void open() {
        server = EmbeddedServer.tryStart(dataDir, 0, Clock.systemUTC()).orElseThrow();
        stores = MongoStores.open(StoreOptions.embedded(dataDir));
        stores.rooms().insert(ContractData.room("r-1", "Room 1"));
        // warm: the schema, the handshakes, the room
        stores.reservations().book(ContractData.candidate("r-1", "u-1", TimeSlot.of(DAY, Duration.ofHours(1))));
    }

    @AfterEach
    void close() {
        stores.close();
        server.close();
    }

    @Test
    void aBookingOfOneDayIsOneClaimUpdateAndOneInsert() {
        Reservation r = ContractData.candidate("r-1", "u-1", TimeSlot.of(DAY.plus(Duration.ofHours(9)), Duration.ofHours(1)));
        Map<String, Long> sent = commandsOf(() -> stores.reservations().book(r), BookingOutcome.Booked.class);
        System.out.println("one booking of one day: " + sent);
        assertThat(sent).containsExactlyInAnyOrderEntriesOf(Map.of("update room_days", 1L, "insert reservations", 1L));
    }

    @Test
    void aBookingAcrossMidnightClaimsEachDayWithOneCommand() {
        Reservation r = ContractData.candidate("r-1", "u-1", TimeSlot.of(DAY.plus(Duration.ofHours(23)), Duration.ofHours(2)));
        Map<String, Long> sent = commandsOf(() -> stores.reservations().book(r), BookingOutcome.Booked.class);
        System.out.println("one booking across midnight: " + sent);
        assertThat(sent).containsExactlyInAnyOrderEntriesOf(Map.of("update room_days", 2L, "insert reservations", 1L));
    }

    @Test
    void aConflictReadsTheClaimAndItsOwnerThenLeavesATombstone() {
        Reservation r = ContractData.candidate("r-1", "u-2", TimeSlot.of(DAY.plus(Duration.ofMinutes(30)), Duration.ofHours(1)));
        Map<String, Long> sent = commandsOf(() -> stores.reservations().book(r), BookingOutcome.Conflict.class);
        System.out.println("one conflicting attempt: " + sent);
        // the refused claim; the bucket and the blocker's document (judging it); the overlapping
        // claims and their documents at majority (the conflicts reported); the tombstone; the release
        assertThat(sent).containsExactlyInAnyOrderEntriesOf(Map.of("update room_days", 2L, "find room_days", 2L,
                "find reservations", 2L, "insert reservations", 1L));
    }

    /**
     * Webhooks on the booking path: the recorder asks the subscriptions (a snapshot, read once per
     * cache period) which consumers a change goes to. With nobody subscribed a booking sends no
     * command more than without webhooks; each matching subscription adds one outbox insert.
     */
    @Test
    void webhooksAddNoRoundTripUntilSomeoneSubscribesThenOneInsertPerSubscription() {
        Clock clock = Clock.systemUTC();
        dev.reservation.core.hooks.Webhooks webhooks = new dev.reservation.core.hooks.Webhooks(stores.webhooks(),
                stores.outbox(), stores.users(), stores.rooms(), dev.reservation.core.service.IdGenerator.uuids(),
                clock, new java.security.SecureRandom(), dev.reservation.core.hooks.UrlPolicy.STRICT,
                Duration.ofHours(1));
        dev.reservation.core.notify.OutboxRecorder recorder = new dev.reservation.core.notify.OutboxRecorder(
                stores.outbox(), webhooks::consumersFor, clock, e -> { throw e; }, () -> { });
        recorder.changed(ContractData.candidate("r-1", "u-1", TimeSlot.of(DAY, Duration.ofHours(1)))); // warm the snapshot
        Reservation quiet = ContractData.candidate("r-1", "u-1", TimeSlot.of(DAY.plus(Duration.ofHours(3)), Duration.ofHours(1)));
        Map<String, Long> unsubscribed = commandsOf(() -> recorded(recorder, quiet), BookingOutcome.Booked.class);
        System.out.println("one booking, webhooks on, nobody subscribed: " + unsubscribed);
        assertThat(unsubscribed).containsExactlyInAnyOrderEntriesOf(Map.of("update room_days", 1L,
                "insert reservations", 1L));

        webhooks.create(dev.reservation.core.domain.Actor.LOCAL_OPERATOR, "https://hooks.example.org/in",
                Set.of(dev.reservation.core.notify.ChangeKind.BOOKED), Set.of(), true);
        recorder.changed(ContractData.candidate("r-1", "u-1", TimeSlot.of(DAY, Duration.ofHours(1)))); // refresh it
        Reservation heard = ContractData.candidate("r-1", "u-1", TimeSlot.of(DAY.plus(Duration.ofHours(5)), Duration.ofHours(1)));
        Map<String, Long> subscribed = commandsOf(() -> recorded(recorder, heard), BookingOutcome.Booked.class);
        System.out.println("one booking, one subscription: " + subscribed);
        assertThat(subscribed).containsExactlyInAnyOrderEntriesOf(Map.of("update room_days", 1L,
                "insert reservations", 1L, "insert outbox", 1L));
    }

    private BookingOutcome recorded(dev.reservation.core.notify.OutboxRecorder recorder, Reservation r) {
        BookingOutcome outcome = stores.reservations().book(r);
        if (outcome instanceof BookingOutcome.Booked booked) {
            recorder.changed(booked.reservation());
        }
        return outcome;
    }

    private Map<String, Long> commandsOf(Supplier<BookingOutcome> call, Class<?> expected) {
        SortedMap<String, Long> before = server.queryStats().commands();
        BookingOutcome outcome = call.get();
        assertThat(outcome).isInstanceOf(expected);
        SortedMap<String, Long> after = server.queryStats().commands();
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d > 0 && !HEARTBEATS.contains(k)) {
                delta.put(k, d);
            }
        });
        return delta;
    }
}
