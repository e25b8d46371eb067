package dev.reservation.core.store;

import static dev.reservation.core.store.ContractData.CREATED;
import static dev.reservation.core.store.ContractData.candidate;
import static dev.reservation.core.store.ContractData.room;
import static dev.reservation.core.store.ContractData.slot;
import static dev.reservation.core.store.ContractData.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.ConcurrentUpdateException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationNotFoundException;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every store implements: users, rooms, the conflict rule, idempotency, cancellation,
 * queries, and concurrent booking. A store module extends it and supplies fresh, empty stores.
 */
public abstract class StoreContractTest {
    protected StoreFixture stores;

    /** Fresh, empty stores; called before every test. */
    protected abstract StoreFixture newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
    }

    private BookingOutcome book(Reservation r) {
        return stores.reservations().book(r);
    }

    private Reservation booked(Reservation r) {
        BookingOutcome outcome = book(r);
        assertThat(outcome).isInstanceOf(BookingOutcome.Booked.class);
        return ((BookingOutcome.Booked) outcome).reservation();
    }

    // ---- users and rooms ----

    @Test
    void findsUsersByIdAndByEmailInAnyCase() {
        User ada = stores.users().insert(user("u1", "Ada@Example.com"));
        assertThat(stores.users().findById("u1")).contains(ada);
        assertThat(stores.users().findByEmail("ada@example.com")).contains(ada);
        assertThat(stores.users().findByEmail("ADA@EXAMPLE.COM")).contains(ada);
        assertThat(stores.users().findById("nobody")).isEmpty();
    }

    @Test
    void rejectsSecondUserWithSameEmail() {
        stores.users().insert(user("u1", "ada@example.com"));
        assertThatThrownBy(() -> stores.users().insert(user("u2", "ADA@example.com")))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(stores.users().findAll()).hasSize(1);
    }

    @Test
    void rejectsSecondUserWithSameId() {
        stores.users().insert(user("u1", "ada@example.com"));
        assertThatThrownBy(() -> stores.users().insert(user("u1", "grace@example.com")))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(stores.users().findByEmail("grace@example.com")).isEmpty();
    }

    @Test
    void listsUsersByName() {
        stores.users().insert(new User("u2", "Zoe", "zoe@example.com", dev.reservation.core.domain.Role.MEMBER));
        stores.users().insert(new User("u1", "Anna", "anna@example.com", dev.reservation.core.domain.Role.ADMIN));
        assertThat(stores.users().findAll()).extracting(User::name).containsExactly("Anna", "Zoe");
    }

    @Test
    void findsRoomsByIdAndByNameInAnyCase() {
        Room spree = stores.rooms().insert(room("r1", "Spree"));
        assertThat(stores.rooms().findById("r1")).contains(spree);
        assertThat(stores.rooms().findByName("spree")).contains(spree);
        assertThat(stores.rooms().findByName("SPREE")).contains(spree);
        assertThat(stores.rooms().findByName("Havel")).isEmpty();
    }

    @Test
    void rejectsSecondRoomWithSameNameInAnyCase() {
        stores.rooms().insert(room("r1", "Spree"));
        assertThatThrownBy(() -> stores.rooms().insert(room("r2", "SPREE")))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(stores.rooms().findAll()).extracting(Room::id).containsExactly("r1");
    }

    @Test
    void keepsEveryRoomFieldAndListsRoomsByName() {
        Room havel = stores.rooms().insert(room("r2", "Havel"));
        stores.rooms().insert(room("r1", "Spree"));
        assertThat(stores.rooms().findAll()).extracting(Room::name).containsExactly("Havel", "Spree");
        assertThat(stores.rooms().findById("r2").orElseThrow()).isEqualTo(havel);
    }

    @Test
    void updatesAUserAndTheEmailItIsFoundBy() {
        stores.users().insert(user("u1", "ada@example.com"));
        User changed = new User("u1", "Ada L.", "ada.l@example.com", dev.reservation.core.domain.Role.ADMIN, false);
        stores.users().update(changed);
        assertThat(stores.users().findById("u1")).contains(changed);
        assertThat(stores.users().findByEmail("ada.l@example.com")).contains(changed);
        assertThat(stores.users().findByEmail("ada@example.com")).isEmpty();
    }

    @Test
    void refusesToUpdateAUserToAnotherUsersEmailOrAnUnknownUser() {
        stores.users().insert(user("u1", "ada@example.com"));
        User grace = stores.users().insert(user("u2", "grace@example.com"));
        assertThatThrownBy(() -> stores.users().update(user("u2", "ada@example.com")))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(stores.users().findById("u2")).contains(grace);
        assertThatThrownBy(() -> stores.users().update(user("u9", "new@example.com")))
                .isInstanceOf(dev.reservation.core.domain.UserNotFoundException.class);
    }

    @Test
    void updatesARoomAndTheNameItIsFoundBy() {
        stores.rooms().insert(room("r1", "Spree"));
        stores.rooms().insert(room("r2", "Havel"));
        Room renamed = new Room("r1", "Elbe", "Floor 2", 6, java.util.Set.of(), java.time.ZoneId.of("UTC"), false);
        stores.rooms().update(renamed);
        assertThat(stores.rooms().findById("r1")).contains(renamed);
        assertThat(stores.rooms().findByName("elbe")).contains(renamed);
        assertThat(stores.rooms().findByName("Spree")).isEmpty();
        assertThatThrownBy(() -> stores.rooms().update(room("r1", "HAVEL"))).isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> stores.rooms().update(room("r9", "Oder")))
                .isInstanceOf(dev.reservation.core.domain.RoomNotFoundException.class);
    }

    // ---- the conflict rule ----

    @Test
    void booksIntoAnEmptyRoomAndKeepsEveryField() {
        Reservation r = booked(Reservation.confirmed("res-1", "r1", "u1", slot(0, 10, 0, 60), "Planning", 3, CREATED,
                "admin-7", "key-1"));
        assertThat(stores.reservations().findById("res-1").orElseThrow().createdBy()).isEqualTo("admin-7");
        Reservation read = stores.reservations().findById(r.id()).orElseThrow();
        assertThat(read).isEqualTo(r);
        assertThat(read.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(read.version()).isZero();
        assertThat(read.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void rejectsOverlappingReservationInSameRoom() {
        Reservation first = booked(candidate("r1", "u1", slot(0, 10, 0, 60)));
        BookingOutcome outcome = book(candidate("r1", "u2", slot(0, 10, 30, 60)));
        assertThat(outcome).isInstanceOf(BookingOutcome.Conflict.class);
        assertThat(((BookingOutcome.Conflict) outcome).conflicts()).extracting(Reservation::id)
                .containsExactly(first.id());
        assertThat(stores.reservations().find(ReservationQuery.all().room("r1"))).hasSize(1);
    }

    @Test
    void rejectsSlotInsideAndAroundAnExistingOne() {
        booked(candidate("r1", "u1", slot(0, 10, 0, 60)));
        assertThat(book(candidate("r1", "u2", slot(0, 10, 15, 15)))).isInstanceOf(BookingOutcome.Conflict.class);
        assertThat(book(candidate("r1", "u2", slot(0, 9, 0, 180)))).isInstanceOf(BookingOutcome.Conflict.class);
        assertThat(book(candidate("r1", "u2", slot(0, 9, 59, 2)))).isInstanceOf(BookingOutcome.Conflict.class);
    }

    @Test
    void acceptsBackToBackReservations() {
        booked(candidate("r1", "u1", slot(0, 10, 0, 60)));
        booked(candidate("r1", "u2", slot(0, 11, 0, 60)));
        booked(candidate("r1", "u2", slot(0, 9, 0, 60)));
        assertThat(stores.reservations().find(ReservationQuery.all().room("r1"))).hasSize(3);
    }

    @Test
    void acceptsTheSameSlotInAnotherRoom() {
        booked(candidate("r1", "u1", slot(0, 10, 0, 60)));
        booked(candidate("r2", "u1", slot(0, 10, 0, 60)));
    }

    @Test
    void namesEveryOverlappingReservationInTheConflict() {
        Reservation a = booked(candidate("r1", "u1", slot(0, 9, 0, 60)));
        Reservation b = booked(candidate("r1", "u1", slot(0, 11, 0, 60)));
        booked(candidate("r1", "u1", slot(0, 14, 0, 60)));
        BookingOutcome outcome = book(candidate("r1", "u2", slot(0, 9, 30, 120)));
        assertThat(((BookingOutcome.Conflict) outcome).conflicts()).extracting(Reservation::id)
                .containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    void cancelledReservationsNeverConflict() {
        Reservation first = booked(candidate("r1", "u1", slot(0, 10, 0, 60)));
        stores.reservations().cancel(first.id(), 0, CREATED.plusSeconds(60), "u1");
        booked(candidate("r1", "u2", slot(0, 10, 0, 60)));
    }

    @Test
    void slotsSpanningSeveralDaysConflictOnEveryDayTheyTouch() {
        Reservation longOne = booked(candidate("r1", "u1", slot(0, 20, 0, 30 * 60)));
        BookingOutcome onSecondDay = book(candidate("r1", "u2", slot(1, 15, 0, 30)));
        assertThat(onSecondDay).isInstanceOf(BookingOutcome.Conflict.class);
        assertThat(((BookingOutcome.Conflict) onSecondDay).conflicts()).extracting(Reservation::id)
                .containsExactly(longOne.id());
        booked(candidate("r1", "u2", slot(2, 2, 0, 30)));
    }

    @Test
    void aRefusedLongBookingLeavesEveryDayItTouchedFree() {
        booked(candidate("r1", "u1", slot(2, 10, 0, 60)));
        assertThat(book(candidate("r1", "u2", slot(0, 10, 0, 3 * 24 * 60)))).isInstanceOf(BookingOutcome.Conflict.class);
        booked(candidate("r1", "u3", slot(0, 10, 0, 60)));
        booked(candidate("r1", "u3", slot(1, 10, 0, 60)));
    }

    @Test
    void busyRoomsNamesExactlyTheRoomsHeldForAnyPartOfTheSlot() {
        booked(candidate("r1", "u1", slot(0, 10, 0, 60)));
        booked(candidate("r2", "u1", slot(0, 11, 0, 60)));
        Reservation cancelled = booked(candidate("r3", "u1", slot(0, 10, 0, 60)));
        stores.reservations().cancel(cancelled.id(), 0, CREATED, "u1");
        booked(candidate("r4", "u1", slot(0, 8, 0, 26 * 60)));
        assertThat(stores.reservations().busyRooms(slot(0, 10, 30, 60), List.of("r1", "r2", "r3", "r4", "r5")))
                .containsExactlyInAnyOrder("r1", "r2", "r4");
        assertThat(stores.reservations().busyRooms(slot(0, 11, 0, 60), List.of("r1"))).as("touching").isEmpty();
        assertThat(stores.reservations().busyRooms(slot(0, 10, 30, 60), List.of("r2", "r5")))
                .containsExactly("r2");
    }

    // ---- idempotency ----

    @Test
    void replaysTheFirstReservationForARepeatedIdempotencyKey() {
        Reservation first = booked(candidate("r1", "u1", slot(0, 10, 0, 60), "key-1"));
        BookingOutcome again = book(candidate("r1", "u1", slot(0, 10, 0, 60), "key-1"));
        assertThat(again).isEqualTo(new BookingOutcome.Replayed(first));
        assertThat(stores.reservations().findByIdempotencyKey("u1", "key-1")).contains(first);
        assertThat(stores.reservations().findByIdempotencyKey("u2", "key-1")).as("keys are per acting user").isEmpty();
        assertThat(stores.reservations().find(ReservationQuery.all())).hasSize(1);
    }

    @Test
    void replaysTheKeyEvenWhenTheRetryNamesAnotherRoom() {
        Reservation first = booked(candidate("r1", "u1", slot(0, 10, 0, 60), "key-1"));
        assertThat(book(candidate("r2", "u1", slot(0, 12, 0, 60), "key-1")))
                .isEqualTo(new BookingOutcome.Replayed(first));
        assertThat(stores.reservations().find(ReservationQuery.all().room("r2"))).isEmpty();
    }

    @Test
    void theSameKeyFromTwoActingUsersIsTwoBookings() {
        Reservation first = booked(candidate("r1", "u1", slot(0, 10, 0, 60), "shared-key"));
        Reservation second = booked(candidate("r1", "u2", slot(0, 12, 0, 60), "shared-key"));
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(stores.reservations().findByIdempotencyKey("u2", "shared-key")).contains(second);
        assertThat(book(candidate("r1", "u2", slot(0, 12, 0, 60), "shared-key")))
                .isEqualTo(new BookingOutcome.Replayed(second));
    }

    @Test
    void replaysACandidateSentTwice() {
        Reservation candidate = candidate("r1", "u1", slot(0, 10, 0, 60));
        Reservation first = booked(candidate);
        assertThat(book(candidate)).isEqualTo(new BookingOutcome.Replayed(first));
        assertThat(stores.reservations().find(ReservationQuery.all())).hasSize(1);
    }

    @Test
    void findsNothingForAnUnusedIdempotencyKey() {
        booked(candidate("r1", "u1", slot(0, 10, 0, 60)));
        assertThat(stores.reservations().findByIdempotencyKey("u1", "never-used")).isEmpty();
    }

    // ---- cancellation ----

    @Test
    void cancelKeepsTheReservationAndRecordsWhenAndByWhom() {
        Reservation r = booked(candidate("r1", "u1", slot(0, 10, 0, 60)));
        Reservation cancelled = stores.reservations().cancel(r.id(), 0, CREATED.plusSeconds(90), "admin");
        assertThat(cancelled.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(cancelled.version()).isEqualTo(1);
        assertThat(cancelled.cancelledAt()).isEqualTo(CREATED.plusSeconds(90));
        assertThat(cancelled.cancelledBy()).isEqualTo("admin");
        assertThat(stores.reservations().findById(r.id())).contains(cancelled);
    }

    @Test
    void cancelAtAStaleVersionIsRefused() {
        Reservation r = booked(candidate("r1", "u1", slot(0, 10, 0, 60)));
        stores.reservations().cancel(r.id(), 0, CREATED.plusSeconds(90), "u1");
        assertThatThrownBy(() -> stores.reservations().cancel(r.id(), 0, CREATED.plusSeconds(95), "u2"))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(stores.reservations().findById(r.id()).orElseThrow().cancelledBy()).isEqualTo("u1");
    }

    @Test
    void cancellingAnUnknownReservationIsNotFound() {
        assertThatThrownBy(() -> stores.reservations().cancel("missing", 0, CREATED, "u1"))
                .isInstanceOf(ReservationNotFoundException.class);
    }

    // ---- queries ----

    @Test
    void findsByRoomUserWindowAndStatusOrderedByStart() {
        Reservation late = booked(candidate("r1", "u1", slot(0, 15, 0, 60)));
        Reservation early = booked(candidate("r1", "u2", slot(0, 9, 0, 60)));
        Reservation other = booked(candidate("r2", "u1", slot(0, 12, 0, 60)));
        Reservation nextDay = booked(candidate("r1", "u1", slot(1, 9, 0, 60)));
        stores.reservations().cancel(late.id(), 0, CREATED, "u1");

        assertThat(ids(ReservationQuery.all().room("r1"))).containsExactly(early.id(), late.id(), nextDay.id());
        assertThat(ids(ReservationQuery.all().user("u1"))).containsExactly(other.id(), late.id(), nextDay.id());
        assertThat(ids(ReservationQuery.all().window(slot(0, 0, 0, 1).start(), slot(1, 0, 0, 1).start())))
                .containsExactly(early.id(), other.id(), late.id());
        assertThat(ids(ReservationQuery.all().room("r1").confirmedOnly())).containsExactly(early.id(), nextDay.id());
        assertThat(ids(ReservationQuery.all().status(ReservationStatus.CANCELLED))).containsExactly(late.id());
        assertThat(ids(ReservationQuery.all().room("r1").user("u1").confirmedOnly())).containsExactly(nextDay.id());
    }

    @Test
    void windowsSelectOverlapNotTouch() {
        Reservation r = booked(candidate("r1", "u1", slot(0, 10, 0, 60)));
        assertThat(ids(ReservationQuery.all().window(slot(0, 11, 0, 1).start(), slot(0, 12, 0, 1).start()))).isEmpty();
        assertThat(ids(ReservationQuery.all().window(slot(0, 9, 0, 1).start(), slot(0, 10, 0, 1).start()))).isEmpty();
        assertThat(ids(ReservationQuery.all().window(slot(0, 10, 59, 1).start(), slot(0, 12, 0, 1).start())))
                .containsExactly(r.id());
    }

    @Test
    void windowsFindLongReservationsThatStartedBefore() {
        Reservation longOne = booked(candidate("r1", "u1", slot(0, 8, 0, 40 * 60)));
        assertThat(ids(ReservationQuery.all().room("r1").window(slot(1, 20, 0, 1).start(), slot(1, 21, 0, 1).start())))
                .containsExactly(longOne.id());
        assertThat(ids(ReservationQuery.all().window(slot(1, 20, 0, 1).start(), slot(1, 21, 0, 1).start())))
                .containsExactly(longOne.id());
    }

    @Test
    void capsResultsAtTheLimitKeepingTheEarliest() {
        for (int hour = 8; hour < 18; hour++) {
            booked(candidate("r1", "u1", slot(0, hour, 0, 30)));
        }
        List<Reservation> first3 = stores.reservations().find(ReservationQuery.all().room("r1").limit(3));
        assertThat(first3).extracting(r -> r.slot().start()).containsExactly(
                slot(0, 8, 0, 1).start(), slot(0, 9, 0, 1).start(), slot(0, 10, 0, 1).start());
        assertThat(stores.reservations().find(ReservationQuery.all().limit(4))).hasSize(4);
    }

    @Test
    void pagesByKeysetAfterAPositionWithTiesBrokenById() {
        // three rooms at the same start: the id breaks the tie, so a page can end between them
        List<Reservation> all = new java.util.ArrayList<>();
        for (String room : List.of("r1", "r2", "r3")) {
            all.add(booked(candidate(room, "u1", slot(0, 9, 0, 60))));
            all.add(booked(candidate(room, "u1", slot(0, 11, 0, 60))));
        }
        all.sort(java.util.Comparator.comparing((Reservation r) -> r.slot().start()).thenComparing(Reservation::id));
        List<String> paged = new java.util.ArrayList<>();
        ReservationQuery query = ReservationQuery.all().limit(2);
        for (int page = 0; page < 10; page++) {
            List<Reservation> got = stores.reservations().find(query);
            got.forEach(r -> paged.add(r.id()));
            if (got.size() < 2) {
                break;
            }
            query = query.after(ReservationQuery.After.of(got.get(got.size() - 1)));
        }
        assertThat(paged).containsExactlyElementsOf(all.stream().map(Reservation::id).toList());

        Reservation third = all.get(2);
        assertThat(ids(ReservationQuery.all().room(third.roomId()).after(ReservationQuery.After.of(third))))
                .containsExactlyElementsOf(all.stream().filter(r -> r.roomId().equals(third.roomId()))
                        .filter(r -> r.slot().start().isAfter(third.slot().start())).map(Reservation::id).toList());
        assertThat(ids(ReservationQuery.all().window(slot(0, 0, 0, 1).start(), slot(1, 0, 0, 1).start())
                .after(ReservationQuery.After.of(all.get(4))))).containsExactly(all.get(5).id());
    }

    @Test
    void findsNothingInAnUnknownRoom() {
        booked(candidate("r1", "u1", slot(0, 10, 0, 60)));
        assertThat(stores.reservations().find(ReservationQuery.all().room("nowhere"))).isEmpty();
        assertThat(stores.reservations().findById("nothing")).isEmpty();
    }

    @Test
    void keepsMillisecondPrecision() {
        Reservation r = candidate("r1", "u1", dev.reservation.core.domain.TimeSlot.of(
                slot(0, 10, 0, 1).start().plusMillis(123), Duration.ofMillis(60_001)));
        booked(r);
        assertThat(stores.reservations().findById(r.id()).orElseThrow().slot()).isEqualTo(r.slot());
    }

    // ---- concurrency: the rule holds when many threads book at once ----

    @Test
    void manyThreadsBookingOneSlotLeaveExactlyOneWinner() throws Exception {
        int threads = 12;
        List<BookingOutcome> outcomes = Concurrently.run(threads,
                i -> book(candidate("r1", "u" + i, slot(0, 10, 0, 60))));
        assertThat(outcomes).filteredOn(o -> o instanceof BookingOutcome.Booked).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof BookingOutcome.Conflict).hasSize(threads - 1);
        assertThat(stores.reservations().find(ReservationQuery.all().room("r1"))).hasSize(1);
    }

    @Test
    void concurrentOverlappingBookingsLeaveOnlyNonOverlappingWinners() throws Exception {
        int threads = 8;
        int perThread = 12;
        java.util.Random seed = new java.util.Random(42);
        List<List<Reservation>> plans = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Reservation> plan = new java.util.ArrayList<>();
            for (int k = 0; k < perThread; k++) {
                int day = seed.nextInt(2);
                int startMinute = seed.nextInt(20) * 30;
                int length = (1 + seed.nextInt(6)) * 30 + (seed.nextInt(8) == 0 ? 20 * 60 : 0);
                plan.add(candidate("r1", "u" + t, slot(day, 8, startMinute, length)));
            }
            plans.add(plan);
        }
        List<List<BookingOutcome>> outcomes = Concurrently.run(threads,
                t -> plans.get(t).stream().map(this::book).toList());

        List<Reservation> winners = outcomes.stream().flatMap(List::stream)
                .filter(o -> o instanceof BookingOutcome.Booked)
                .map(o -> ((BookingOutcome.Booked) o).reservation()).toList();
        assertThat(winners).isNotEmpty();
        for (int i = 0; i < winners.size(); i++) {
            for (int j = i + 1; j < winners.size(); j++) {
                assertThat(winners.get(i).slot().overlaps(winners.get(j).slot()))
                        .as("%s overlaps %s", winners.get(i), winners.get(j)).isFalse();
            }
        }
        List<Reservation> stored = stores.reservations().find(ReservationQuery.all().room("r1").confirmedOnly());
        assertThat(stored).extracting(Reservation::id)
                .containsExactlyInAnyOrderElementsOf(winners.stream().map(Reservation::id).toList());
        outcomes.stream().flatMap(List::stream).filter(o -> o instanceof BookingOutcome.Conflict)
                .flatMap(o -> ((BookingOutcome.Conflict) o).conflicts().stream())
                .forEach(c -> assertThat(stored).extracting(Reservation::id).contains(c.id()));
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyStoreOneReservation() throws Exception {
        List<BookingOutcome> outcomes = Concurrently.run(8,
                i -> book(candidate("r" + i, "u1", slot(0, 10, 0, 60), "same-key")));
        assertThat(outcomes).filteredOn(o -> o instanceof BookingOutcome.Booked).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof BookingOutcome.Replayed).hasSize(7);
        assertThat(stores.reservations().find(ReservationQuery.all())).hasSize(1);
    }

    @Test
    void concurrentCancelsOfOneReservationApplyOnce() throws Exception {
        Reservation r = booked(candidate("r1", "u1", slot(0, 10, 0, 60)));
        List<Object> results = Concurrently.run(6, i -> {
            try {
                return stores.reservations().cancel(r.id(), 0, CREATED.plusSeconds(i), "u" + i);
            } catch (ConcurrentUpdateException e) {
                return e;
            }
        });
        assertThat(results).filteredOn(o -> o instanceof Reservation).hasSize(1);
        assertThat(stores.reservations().findById(r.id()).orElseThrow().version()).isEqualTo(1);
    }

    private List<String> ids(ReservationQuery query) {
        return stores.reservations().find(query).stream().map(Reservation::id).toList();
    }
}
