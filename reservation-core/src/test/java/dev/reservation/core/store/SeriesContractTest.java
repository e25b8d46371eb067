package dev.reservation.core.store;

import static dev.reservation.core.store.ContractData.DAY0;
import static dev.reservation.core.store.ContractData.room;
import static dev.reservation.core.store.ContractData.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.IdempotencyKeyReusedException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationConflictException;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import dev.reservation.core.series.Occurrence;
import dev.reservation.core.series.Series;
import dev.reservation.core.series.SeriesMode;
import dev.reservation.core.series.SeriesRequest;
import dev.reservation.core.series.SeriesService;
import dev.reservation.core.series.SeriesState;
import dev.reservation.core.series.SeriesStore;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.IdGenerator;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.service.RoomSearchService;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The series contract every store implements: an all-or-nothing series books every occurrence or
 * none (also when two app instances book overlapping series at once, and when the booker dies
 * half-way: the sweeper rolls back or completes it, and nothing of an undecided series is ever
 * CONFIRMED); skip-conflicts books the rest; retries and two instances extending one open-ended
 * series book every occurrence once; occurrences keep their local time across daylight-saving
 * changes; single occurrences, the following ones and whole series are cancelled; a moved
 * occurrence is detached. Two instances: for a database store two clients on the same data.
 */
public abstract class SeriesContractTest {
    /** Two instances (index 0 and 1) over fresh, empty, shared data. */
    protected abstract List<SeriesStores> newInstances();

    protected static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 3 March 2031; Berlin changes to summer time on Sunday 30 March 2031. */
    protected static final LocalDate MONDAY = LocalDate.ofInstant(DAY0, BERLIN);
    protected final OpsClock clock = new OpsClock(DAY0.minus(Duration.ofDays(1)));
    protected List<SeriesStores> instances;
    private final Actor ada = new Actor("u1", Role.MEMBER);
    private final Actor bob = new Actor("u2", Role.MEMBER);

    @BeforeEach
    void freshStores() {
        instances = newInstances();
        SeriesStores s = instances.get(0);
        s.users().insert(user("u1", "u1@example.com"));
        s.users().insert(user("u2", "u2@example.com"));
        s.users().insert(new User("admin", "Admin", "admin@example.com", Role.ADMIN));
        s.rooms().insert(room("r1", "Blue"));
        s.rooms().insert(room("r2", "Green"));
        clock.set(DAY0.minus(Duration.ofDays(1)));
    }

    protected ReservationService bookings(ReservationStore reservations, SeriesStores s) {
        BookingPolicy policy = new BookingPolicy(Duration.ofMinutes(5), Duration.ofHours(12), Duration.ofDays(60));
        IdGenerator ids = () -> UUID.randomUUID().toString();
        return new ReservationService(s.users(), s.rooms(), reservations,
                new RoomSearchService(s.rooms(), reservations, policy, clock), policy, clock, ids);
    }

    protected SeriesService series(int instance) {
        SeriesStores s = instances.get(instance);
        return series(s, s.reservations(), s.series());
    }

    protected SeriesService series(SeriesStores s, ReservationStore reservations, SeriesStore seriesStore) {
        return new SeriesService(bookings(reservations, s), reservations, seriesStore, s.rooms(), s.users(), clock,
                () -> UUID.randomUUID().toString().substring(0, 24));
    }

    protected static SeriesRequest weekly(String userId, String rule, LocalTime at, SeriesMode mode) {
        return new SeriesRequest("r1", userId, "Weekly sync", 2, MONDAY, at, 60, rule, new TreeSet<>(), mode,
                Optional.empty());
    }

    private List<Reservation> holding(String roomId) {
        return instances.get(0).reservations().find(ReservationQuery.all().room(roomId).holdingOnly());
    }

    private List<Reservation> ofSeries(Series s) {
        return instances.get(0).reservations().find(ReservationQuery.all().room(s.roomId())).stream()
                .filter(r -> r.id().startsWith(s.id() + "-")).toList();
    }

    private Reservation single(int instance, Actor actor, TimeSlot slot) {
        SeriesStores s = instances.get(instance);
        return bookings(s.reservations(), s).reserve(actor, new ReserveRequest("r1", actor.userId(), slot, "One-off", 2));
    }

    private static TimeSlot local(LocalDate day, int hour, int minutes) {
        return TimeSlot.of(day.atTime(hour, 0).atZone(BERLIN).toInstant(), Duration.ofMinutes(minutes));
    }

    // ---- all-or-nothing ----

    @Test
    void anAllOrNothingSeriesBooksEveryOccurrenceConfirmedAtTheSameLocalTimeAcrossDaylightSaving() {
        var view = series(0).book(ada, weekly("u1", "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10", LocalTime.of(9, 0),
                SeriesMode.ALL_OR_NOTHING));
        Series s = view.series();
        assertThat(s.state()).isEqualTo(SeriesState.ACTIVE);
        List<Reservation> booked = ofSeries(s);
        assertThat(booked).hasSize(10).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(ReservationStatus.CONFIRMED);
            ZonedDateTime start = r.slot().start().atZone(BERLIN);
            assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(r.slot().duration()).isEqualTo(Duration.ofMinutes(60));
            assertThat(r.id()).isEqualTo(s.occurrenceId(start.toLocalDate()));
        });
        assertThat(booked).extracting(r -> r.slot().start().atZone(BERLIN).getDayOfWeek().getValue())
                .containsOnly(1, 3);
        // the change to summer time between 26 and 31 March: the UTC hour moves, the local one does not
        assertThat(booked).extracting(r -> r.slot().start().atZone(ZoneId.of("UTC")).getHour()).contains(8, 7);
        assertThat(view.count(Occurrence.Kind.BOOKED)).isEqualTo(10);
        assertThat(series(1).get(ada, s.id()).occurrences()).filteredOn(o -> o.kind() == Occurrence.Kind.BOOKED)
                .extracting(o -> o.status().orElseThrow()).containsOnly(ReservationStatus.CONFIRMED).hasSize(10);
    }

    @Test
    void anAllOrNothingSeriesWithOneClashBooksNothingAndNamesTheClash() {
        Reservation taken = single(1, bob, local(MONDAY.plusWeeks(2), 9, 30));
        SeriesRequest request = weekly("u1", "FREQ=WEEKLY;BYDAY=MO;COUNT=5", LocalTime.of(9, 0), SeriesMode.ALL_OR_NOTHING);
        assertThat(series(0).preview(ada, request).occurrences()).filteredOn(o -> o.kind() == Occurrence.Kind.CLASH)
                .singleElement().satisfies(o -> {
                    assertThat(o.day()).isEqualTo(MONDAY.plusWeeks(2));
                    assertThat(o.clashesWith()).containsExactly(taken.id());
                });
        assertThatThrownBy(() -> series(0).book(ada, request)).isInstanceOf(ReservationConflictException.class)
                .hasMessageContaining("1 of the 5").hasMessageContaining(taken.id())
                .satisfies(e -> assertThat(((ReservationConflictException) e).conflicts())
                        .extracting(ReservationConflictException.Conflict::id).containsExactly(taken.id()));
        assertThat(holding("r1")).extracting(Reservation::id).containsExactly(taken.id());
    }

    @Test
    void skipConflictsBooksTheRestAndReportsTheClashingDay() {
        Reservation taken = single(1, bob, local(MONDAY.plusWeeks(2), 9, 30));
        var view = series(0).book(ada, weekly("u1", "FREQ=WEEKLY;BYDAY=MO;COUNT=5", LocalTime.of(9, 0),
                SeriesMode.SKIP_CONFLICTS));
        assertThat(view.series().state()).isEqualTo(SeriesState.ACTIVE);
        assertThat(ofSeries(view.series())).hasSize(4).extracting(Reservation::status).containsOnly(ReservationStatus.CONFIRMED);
        assertThat(view.occurrences()).filteredOn(o -> o.kind() == Occurrence.Kind.SKIPPED).singleElement()
                .satisfies(o -> {
                    assertThat(o.day()).isEqualTo(MONDAY.plusWeeks(2));
                    assertThat(o.note().orElseThrow()).contains(taken.id());
                });
    }

    @Test
    void aLocalTimeInTheSpringGapIsReportedNeverShifted() {
        // 02:30 does not exist in Berlin on Sunday 30 March 2031
        SeriesRequest sundays = new SeriesRequest("r1", "u1", "Night shift", 1, MONDAY, LocalTime.of(2, 30), 30,
                "FREQ=WEEKLY;BYDAY=SU;COUNT=6", new TreeSet<>(), SeriesMode.ALL_OR_NOTHING, Optional.empty());
        assertThatThrownBy(() -> series(0).book(ada, sundays)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2031-03-30").hasMessageContaining("does not exist");
        assertThat(holding("r1")).isEmpty();
        var skipping = series(0).book(ada, new SeriesRequest("r1", "u1", "Night shift", 1, MONDAY, LocalTime.of(2, 30),
                30, "FREQ=WEEKLY;BYDAY=SU;COUNT=6", new TreeSet<>(), SeriesMode.SKIP_CONFLICTS, Optional.empty()));
        assertThat(ofSeries(skipping.series())).hasSize(5).allSatisfy(r ->
                assertThat(r.slot().start().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(2, 30)));
        assertThat(skipping.occurrences()).filteredOn(o -> o.kind() == Occurrence.Kind.SKIPPED).singleElement()
                .satisfies(o -> assertThat(o.day()).isEqualTo(LocalDate.of(2031, 3, 30)));
    }

    @Test
    void exdatesAreLeftOut() {
        TreeSet<LocalDate> out = new TreeSet<>(Set.of(MONDAY.plusWeeks(1)));
        var view = series(0).book(ada, new SeriesRequest("r1", "u1", "Sync", 2, MONDAY, LocalTime.of(9, 0), 60,
                "FREQ=WEEKLY;BYDAY=MO;COUNT=4", out, SeriesMode.ALL_OR_NOTHING, Optional.empty()));
        assertThat(ofSeries(view.series())).extracting(r -> r.slot().start().atZone(BERLIN).toLocalDate())
                .containsExactly(MONDAY, MONDAY.plusWeeks(2), MONDAY.plusWeeks(3));
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheSameSeriesAndADifferentRequestWithItIsRefused() {
        SeriesRequest request = weekly("u1", "FREQ=DAILY;COUNT=3", LocalTime.of(10, 0), SeriesMode.ALL_OR_NOTHING)
                .withIdempotencyKey("k-1");
        var first = series(0).book(ada, request);
        var again = series(1).book(ada, request);
        assertThat(again.series().id()).isEqualTo(first.series().id());
        assertThat(again.replayed()).isTrue();
        assertThat(holding("r1")).hasSize(3);
        assertThatThrownBy(() -> series(1).book(ada, weekly("u1", "FREQ=DAILY;COUNT=4", LocalTime.of(10, 0),
                SeriesMode.ALL_OR_NOTHING).withIdempotencyKey("k-1"))).isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void aMemberMayNotBookASeriesForSomeoneElse() {
        assertThatThrownBy(() -> series(0).book(bob, weekly("u1", "FREQ=DAILY;COUNT=3", LocalTime.of(10, 0),
                SeriesMode.ALL_OR_NOTHING))).isInstanceOf(PermissionDeniedException.class);
        assertThat(holding("r1")).isEmpty();
    }

    // ---- two app instances ----

    @Test
    void twoInstancesBookingOverlappingAllOrNothingSeriesNeverLeaveAHalfSeriesOrAnOverlap() throws Exception {
        for (int round = 0; round < 5; round++) {
            int hour = 8 + round;
            List<Object> results = Concurrently.run(2, i -> {
                try {
                    // daily and Mon/Wed/Fri at the same hour: they overlap on every Monday, Wednesday and Friday
                    return series(i).book(i == 0 ? ada : bob, weekly(i == 0 ? "u1" : "u2",
                            i == 0 ? "FREQ=DAILY;COUNT=12" : "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=6",
                            LocalTime.of(hour, 0), SeriesMode.ALL_OR_NOTHING));
                } catch (ReservationException e) {
                    return e;
                }
            });
            long booked = results.stream().filter(r -> r instanceof dev.reservation.core.series.SeriesView).count();
            assertThat(booked).as("round %d: %s", round, results).isLessThanOrEqualTo(1);
            for (Object r : results) {
                if (r instanceof dev.reservation.core.series.SeriesView v) {
                    assertThat(ofSeries(v.series())).hasSize(v.series().rule().contains("DAILY") ? 12 : 6)
                            .extracting(Reservation::status).containsOnly(ReservationStatus.CONFIRMED);
                } else {
                    assertThat(r).isInstanceOf(ReservationConflictException.class);
                }
            }
            assertNoOverlap("r1");
            assertThat(holding("r1")).noneMatch(x -> x.status() == ReservationStatus.HELD);
        }
    }

    private void assertNoOverlap(String roomId) {
        List<Reservation> all = holding(roomId);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(all.get(i).slot().overlaps(all.get(j).slot())).as("%s and %s", all.get(i), all.get(j)).isFalse();
            }
        }
    }

    @Test
    void twoInstancesExtendingOneOpenEndedSeriesBookEachOccurrenceOnce() throws Exception {
        var view = series(0).book(ada, weekly("u1", "FREQ=WEEKLY;BYDAY=TU,TH", LocalTime.of(14, 0),
                SeriesMode.ALL_OR_NOTHING));
        int first = ofSeries(view.series()).size();
        assertThat(first).as("materialised up to the 60-day horizon").isBetween(16, 18);
        assertThat(view.occurrences()).anyMatch(o -> o.kind() == Occurrence.Kind.LATER);
        clock.advance(Duration.ofDays(21));
        Concurrently.run(2, i -> series(i).extend());
        List<Reservation> all = ofSeries(view.series());
        assertThat(all).hasSize(first + 6).extracting(Reservation::id).doesNotHaveDuplicates();
        assertThat(all).extracting(Reservation::status).containsOnly(ReservationStatus.CONFIRMED);
        Series stored = instances.get(1).series().findById(view.series().id()).orElseThrow();
        assertThat(stored.materialisedThrough()).isAfter(view.series().materialisedThrough());
        assertThat(series(0).extend()).as("nothing new until the horizon moves again").isZero();
    }

    // ---- a booker that dies half-way ----

    /** A reservation store whose process "dies" (an Error no code catches) on the k-th booking, or the k-th transition. */
    protected static final class DyingStore extends ForwardingReservationStore {
        private final AtomicInteger books = new AtomicInteger();
        private final AtomicInteger transitions = new AtomicInteger();
        private final int dieOnBook;
        private final int dieOnTransition;

        DyingStore(ReservationStore delegate, int dieOnBook, int dieOnTransition) {
            super(delegate);
            this.dieOnBook = dieOnBook;
            this.dieOnTransition = dieOnTransition;
        }

        @Override
        public BookingOutcome book(Reservation candidate) {
            if (books.incrementAndGet() == dieOnBook) {
                throw new ProcessDied();
            }
            return super.book(candidate);
        }

        @Override
        public Reservation transition(Reservation current, Reservation next) {
            if (transitions.incrementAndGet() == dieOnTransition) {
                throw new ProcessDied();
            }
            return super.transition(current, next);
        }
    }

    protected static final class ProcessDied extends Error {
        ProcessDied() {
            super("the app instance died here");
        }
    }

    private Series onlySeries() {
        List<Series> all = new ArrayList<>();
        for (SeriesState state : SeriesState.values()) {
            all.addAll(instances.get(0).series().inState(state, 10));
        }
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void aBookerDyingBeforeTheDecisionLeavesNothingConfirmedAndTheSweeperRollsItBack() {
        SeriesStores s = instances.get(0);
        SeriesService dying = series(s, new DyingStore(s.reservations(), 5, -1), s.series());
        assertThatThrownBy(() -> dying.book(ada, weekly("u1", "FREQ=WEEKLY;BYDAY=MO;COUNT=8", LocalTime.of(9, 0),
                SeriesMode.ALL_OR_NOTHING))).isInstanceOf(ProcessDied.class);
        Series half = onlySeries();
        assertThat(half.state()).isEqualTo(SeriesState.BOOKING);
        assertThat(ofSeries(half)).hasSize(4).extracting(Reservation::status).containsOnly(ReservationStatus.HELD);
        assertThat(s.reservations().find(ReservationQuery.all().room("r1").confirmedOnly()))
                .as("readers see nothing of an undecided series as confirmed").isEmpty();
        assertThatThrownBy(() -> single(1, bob, local(MONDAY, 9, 60)))
                .as("a held occurrence holds its slot").isInstanceOf(ReservationConflictException.class);

        assertThat(series(1).sweep(Duration.ofMinutes(2))).as("within the grace period nobody touches it").isZero();
        clock.advance(Duration.ofMinutes(3));
        assertThat(series(1).sweep(Duration.ofMinutes(2))).isEqualTo(1);
        assertThat(onlySeries().state()).isEqualTo(SeriesState.ROLLED_BACK);
        assertThat(ofSeries(half)).hasSize(4).extracting(Reservation::status).containsOnly(ReservationStatus.CANCELLED);
        assertThat(holding("r1")).isEmpty();
        assertThat(single(1, bob, local(MONDAY, 9, 60)).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(series(0).sweep(Duration.ZERO)).as("a second sweep finds nothing").isZero();
    }

    @Test
    void aBookerDyingAfterTheDecisionIsCompletedByTheSweeper() {
        SeriesStores s = instances.get(0);
        SeriesService dying = series(s, new DyingStore(s.reservations(), -1, 3), s.series());
        assertThatThrownBy(() -> dying.book(ada, weekly("u1", "FREQ=WEEKLY;BYDAY=MO;COUNT=6", LocalTime.of(9, 0),
                SeriesMode.ALL_OR_NOTHING))).isInstanceOf(ProcessDied.class);
        Series half = onlySeries();
        assertThat(half.state()).isEqualTo(SeriesState.COMMITTING);
        assertThat(ofSeries(half)).extracting(Reservation::status)
                .containsOnly(ReservationStatus.CONFIRMED, ReservationStatus.HELD).hasSize(6);
        clock.advance(Duration.ofMinutes(3));
        assertThat(series(1).sweep(Duration.ofMinutes(2))).isEqualTo(1);
        assertThat(onlySeries().state()).isEqualTo(SeriesState.ACTIVE);
        assertThat(ofSeries(half)).hasSize(6).extracting(Reservation::status).containsOnly(ReservationStatus.CONFIRMED);
    }

    @Test
    void aRetryWithTheKeyAfterTheBookerDiedResumesTheSeries() {
        SeriesStores s = instances.get(0);
        SeriesRequest request = weekly("u1", "FREQ=WEEKLY;BYDAY=MO;COUNT=6", LocalTime.of(9, 0),
                SeriesMode.ALL_OR_NOTHING).withIdempotencyKey("again");
        assertThatThrownBy(() -> series(s, new DyingStore(s.reservations(), 4, -1), s.series()).book(ada, request))
                .isInstanceOf(ProcessDied.class);
        var resumed = series(1).book(ada, request);
        assertThat(resumed.replayed()).isTrue();
        assertThat(resumed.series().state()).isEqualTo(SeriesState.ACTIVE);
        assertThat(ofSeries(resumed.series())).hasSize(6).extracting(Reservation::status)
                .containsOnly(ReservationStatus.CONFIRMED);
    }

    @Test
    void aSkipConflictsBookerDyingHalfWayIsCarriedOnByTheExtensionJob() {
        SeriesStores s = instances.get(0);
        assertThatThrownBy(() -> series(s, new DyingStore(s.reservations(), 3, -1), s.series()).book(ada,
                weekly("u1", "FREQ=WEEKLY;BYDAY=MO;COUNT=6", LocalTime.of(9, 0), SeriesMode.SKIP_CONFLICTS)))
                .isInstanceOf(ProcessDied.class);
        Series half = onlySeries();
        assertThat(ofSeries(half)).hasSize(2).extracting(Reservation::status).containsOnly(ReservationStatus.CONFIRMED);
        assertThat(series(1).extend()).isEqualTo(1);
        assertThat(ofSeries(half)).hasSize(6).extracting(Reservation::status).containsOnly(ReservationStatus.CONFIRMED);
    }

    // ---- changes ----

    @Test
    void cancellingOneOccurrenceTheFollowingOnesAndTheWholeSeries() {
        Series s = series(0).book(ada, weekly("u1", "FREQ=WEEKLY;BYDAY=MO;COUNT=6", LocalTime.of(9, 0),
                SeriesMode.ALL_OR_NOTHING)).series();
        assertThatThrownBy(() -> series(1).cancelOccurrence(bob, s.id(), MONDAY.plusWeeks(1)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> series(1).cancelOccurrence(ada, s.id(), MONDAY.plusDays(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a day of series");

        series(1).cancelOccurrence(ada, s.id(), MONDAY.plusWeeks(1));
        assertThat(status(s, MONDAY.plusWeeks(1))).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(status(s, MONDAY)).isEqualTo(ReservationStatus.CONFIRMED);

        series(0).cancelFollowing(ada, s.id(), MONDAY.plusWeeks(4));
        assertThat(status(s, MONDAY.plusWeeks(4))).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(status(s, MONDAY.plusWeeks(5))).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(status(s, MONDAY.plusWeeks(3))).isEqualTo(ReservationStatus.CONFIRMED);

        Reservation cancelledOne = stored(s, MONDAY.plusWeeks(1));
        assertThat(cancelledOne.cancelledBy()).isEqualTo("u1");
        var whole = series(1).cancel(new Actor("admin", Role.ADMIN), s.id());
        assertThat(whole.series().state()).isEqualTo(SeriesState.CANCELLED);
        assertThat(whole.series().cancelledBy()).isEqualTo("admin");
        assertThat(holding("r1")).isEmpty();
        assertThat(series(0).cancel(ada, s.id()).series().state()).as("cancelling again changes nothing")
                .isEqualTo(SeriesState.CANCELLED);
    }

    @Test
    void movingAnOccurrenceDetachesItAndAClashLeavesItWhereItWas() {
        Series s = series(0).book(ada, weekly("u1", "FREQ=WEEKLY;BYDAY=MO;COUNT=3", LocalTime.of(9, 0),
                SeriesMode.ALL_OR_NOTHING)).series();
        Reservation other = single(1, bob, local(MONDAY.plusWeeks(1), 15, 60));
        assertThatThrownBy(() -> series(1).moveOccurrence(ada, s.id(), MONDAY.plusWeeks(1),
                local(MONDAY.plusWeeks(1), 15, 60))).isInstanceOf(ReservationConflictException.class);
        assertThat(status(s, MONDAY.plusWeeks(1))).isEqualTo(ReservationStatus.CONFIRMED);

        var moved = series(1).moveOccurrence(ada, s.id(), MONDAY.plusWeeks(1), local(MONDAY.plusWeeks(1), 11, 30));
        String newId = moved.series().moved().get(MONDAY.plusWeeks(1));
        assertThat(newId).isNotNull().isNotEqualTo(s.occurrenceId(MONDAY.plusWeeks(1)));
        assertThat(stored(s, MONDAY.plusWeeks(1)).status()).isEqualTo(ReservationStatus.CANCELLED);
        Reservation replacement = instances.get(0).reservations().findById(newId).orElseThrow();
        assertThat(replacement.slot()).isEqualTo(local(MONDAY.plusWeeks(1), 11, 30));
        assertThat(replacement.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(moved.occurrences()).filteredOn(o -> o.day().equals(MONDAY.plusWeeks(1))).singleElement()
                .satisfies(o -> assertThat(o.reservationId()).contains(newId));
        assertThat(SeriesService.seriesIdOf(replacement)).contains(s.id());
        assertThat(SeriesService.seriesIdOf(other)).isEmpty();
        series(0).cancel(ada, s.id());
        assertThat(instances.get(0).reservations().findById(newId).orElseThrow().status())
                .as("cancelling the series cancels a moved occurrence too").isEqualTo(ReservationStatus.CANCELLED);
    }

    private Reservation stored(Series s, LocalDate day) {
        return instances.get(0).reservations().findById(s.occurrenceId(day)).orElseThrow();
    }

    private ReservationStatus status(Series s, LocalDate day) {
        return stored(s, day).status();
    }
}
