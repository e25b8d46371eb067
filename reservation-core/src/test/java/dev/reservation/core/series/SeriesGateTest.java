package dev.reservation.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.QuotaExceededException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import dev.reservation.core.memory.InMemoryQuotaCounters;
import dev.reservation.core.memory.InMemoryQuotaStore;
import dev.reservation.core.memory.InMemoryReservationStore;
import dev.reservation.core.memory.InMemoryRoomOperationsStore;
import dev.reservation.core.memory.InMemoryRoomStore;
import dev.reservation.core.memory.InMemorySeriesStore;
import dev.reservation.core.memory.InMemoryUserStore;
import dev.reservation.core.ops.OperationsGate;
import dev.reservation.core.ops.QuotaLedger;
import dev.reservation.core.ops.QuotaRule;
import dev.reservation.core.ops.RoomOperationsAdmin;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.service.RoomSearchService;
import dev.reservation.core.store.OpsClock;
import dev.reservation.core.store.ReservationQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Series occurrences go through the same gate as single bookings: approval (a room that needs it
 * commits its occurrences PENDING), quotas (a refusal half-way rolls an all-or-nothing series back and
 * gives every taken quota back; skip-conflicts skips the day), and the change listener (the outbox)
 * hears of an occurrence only once it is a booking, never while HELD or after a rollback.
 */
class SeriesGateTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate MONDAY = LocalDate.of(2031, 3, 3);
    final OpsClock clock = new OpsClock(Instant.parse("2031-03-01T08:00:00Z"));
    final InMemoryReservationStore reservations = new InMemoryReservationStore();
    final InMemoryRoomStore rooms = new InMemoryRoomStore();
    final InMemoryUserStore users = new InMemoryUserStore();
    final InMemoryRoomOperationsStore settings = new InMemoryRoomOperationsStore();
    final InMemoryQuotaStore quotas = new InMemoryQuotaStore();
    final List<Reservation> told = new CopyOnWriteArrayList<>();
    final Actor ada = new Actor("u1", Role.MEMBER);
    final Actor admin = new Actor("admin", Role.ADMIN);
    RoomOperationsAdmin opsAdmin;
    ReservationService bookings;
    SeriesService series;

    @BeforeEach
    void wire() {
        users.insert(new User("u1", "Ada", "ada@example.com", Role.MEMBER));
        users.insert(new User("admin", "Admin", "admin@example.com", Role.ADMIN));
        users.insert(new User("u9", "Approver", "u9@example.com", Role.MEMBER));
        rooms.insert(new Room("r1", "Blue", "Floor 1", 8, Set.of(Equipment.WHITEBOARD), BERLIN));
        BookingPolicy policy = new BookingPolicy(Duration.ofMinutes(5), Duration.ofHours(12), Duration.ofDays(90));
        QuotaLedger ledger = new QuotaLedger(quotas, new InMemoryQuotaCounters(), reservations, Duration.ofMinutes(5));
        OperationsGate gate = new OperationsGate(settings, ledger, rooms, e -> { }, clock);
        bookings = new ReservationService(users, rooms, reservations, new RoomSearchService(rooms, reservations, policy,
                clock), policy, clock, () -> UUID.randomUUID().toString(), told::add, gate);
        series = new SeriesService(bookings, reservations, new InMemorySeriesStore(), rooms, users, clock,
                () -> UUID.randomUUID().toString());
        opsAdmin = new RoomOperationsAdmin(settings, quotas, rooms, users, new dev.reservation.core.service.ApiTokens(
                new dev.reservation.core.memory.InMemoryApiTokenStore(), users, () -> UUID.randomUUID().toString(),
                clock, new java.security.SecureRandom(), dev.reservation.core.service.ApiTokens.DEFAULT_CACHE));
    }

    private SeriesRequest mondays(int count, SeriesMode mode) {
        return new SeriesRequest("r1", "u1", "Sync", 2, MONDAY, LocalTime.of(9, 0), 60,
                "FREQ=WEEKLY;BYDAY=MO;COUNT=" + count, new TreeSet<>(), mode, Optional.empty());
    }

    private List<Reservation> ofRoom() {
        return reservations.find(ReservationQuery.all().room("r1"));
    }

    @Test
    void inARoomThatNeedsApprovalTheOccurrencesArePendingRequests() {
        opsAdmin.update(admin, "r1", true, Set.of("u9"), null, null, true);
        SeriesView v = series.book(ada, mondays(3, SeriesMode.ALL_OR_NOTHING));
        assertThat(v.series().commitAs()).isEqualTo(ReservationStatus.PENDING);
        assertThat(ofRoom()).hasSize(3).extracting(Reservation::status).containsOnly(ReservationStatus.PENDING);
        assertThat(told).extracting(Reservation::status).containsExactly(ReservationStatus.PENDING,
                ReservationStatus.PENDING, ReservationStatus.PENDING);
    }

    @Test
    void theListenerHearsOfOccurrencesOnlyOnceTheyAreBookings() {
        series.book(ada, mondays(4, SeriesMode.ALL_OR_NOTHING));
        assertThat(told).hasSize(4).extracting(Reservation::status).containsOnly(ReservationStatus.CONFIRMED);
        assertThat(told).noneMatch(r -> r.status() == ReservationStatus.HELD);
    }

    @Test
    void aQuotaRefusalHalfWayRollsAnAllOrNothingSeriesBackAndGivesTheQuotaBack() {
        opsAdmin.setQuota(admin, QuotaRule.GLOBAL, Optional.empty(), Optional.of(2));
        assertThatThrownBy(() -> series.book(ada, mondays(3, SeriesMode.ALL_OR_NOTHING)))
                .isInstanceOf(QuotaExceededException.class).hasMessageContaining("at most 2 open reservations");
        assertThat(ofRoom()).hasSize(2).extracting(Reservation::status).containsOnly(ReservationStatus.CANCELLED);
        assertThat(told).as("nothing of a rolled-back series is announced").isEmpty();
        // both taken quotas were given back: two single bookings fit again
        for (int week = 0; week < 2; week++) {
            Instant start = MONDAY.plusWeeks(week).atTime(14, 0).atZone(BERLIN).toInstant();
            assertThat(bookings.reserve(ada, new ReserveRequest("r1", "u1", TimeSlot.of(start, Duration.ofHours(1)),
                    "One-off", 1)).status()).isEqualTo(ReservationStatus.CONFIRMED);
        }
    }

    @Test
    void theOutboxSweeperRepairsTheCommittedOccurrencesButAnnouncesNothingOfARolledBackSeries() {
        var outbox = new dev.reservation.core.memory.InMemoryOutboxStore();
        var sweeper = new dev.reservation.core.notify.OutboxSweeper(
                new dev.reservation.core.memory.ScanningReservationChanges(reservations), outbox,
                List.of(dev.reservation.core.notify.OutboxEntry.EMAIL), java.time.Clock.offset(clock,
                Duration.ofSeconds(30)), Duration.ofMinutes(10), Duration.ofSeconds(5));
        outbox.advanceCursor(dev.reservation.core.notify.OutboxSweeper.CURSOR, clock.instant().minusSeconds(60));
        opsAdmin.setQuota(admin, QuotaRule.GLOBAL, Optional.empty(), Optional.of(2));
        assertThatThrownBy(() -> series.book(ada, mondays(3, SeriesMode.ALL_OR_NOTHING)))
                .isInstanceOf(QuotaExceededException.class);
        assertThat(ofRoom()).hasSize(2).allMatch(Reservation::neverBooked);
        assertThat(sweeper.sweep().enqueued()).as("a rolled-back series announces nothing").isZero();
        opsAdmin.setQuota(admin, QuotaRule.GLOBAL, Optional.empty(), Optional.of(10));
        series.book(ada, new SeriesRequest("r1", "u1", "Sync", 2, MONDAY, LocalTime.of(11, 0), 60,
                "FREQ=WEEKLY;BYDAY=MO;COUNT=2", new TreeSet<>(), SeriesMode.ALL_OR_NOTHING, Optional.empty()));
        // this service tells a plain listener, not the outbox: the sweeper finds both booked occurrences
        assertThat(sweeper.sweep().enqueued()).isEqualTo(2);
    }

    @Test
    void skipConflictsSkipsTheDayTheQuotaRefuses() {
        opsAdmin.setQuota(admin, QuotaRule.GLOBAL, Optional.empty(), Optional.of(2));
        SeriesView v = series.book(ada, mondays(3, SeriesMode.SKIP_CONFLICTS));
        assertThat(ofRoom()).hasSize(2).extracting(Reservation::status).containsOnly(ReservationStatus.CONFIRMED);
        assertThat(v.occurrences()).filteredOn(o -> o.kind() == Occurrence.Kind.SKIPPED).singleElement()
                .satisfies(o -> {
                    assertThat(o.day()).isEqualTo(MONDAY.plusWeeks(2));
                    assertThat(o.note().orElseThrow()).contains("at most 2 open reservations");
                });
    }

    @Test
    void aDeactivatedRoomRefusesASkipConflictsSeriesUpFront() {
        rooms.update(rooms.findById("r1").orElseThrow().withActive(false));
        assertThatThrownBy(() -> series.book(ada, mondays(3, SeriesMode.SKIP_CONFLICTS)))
                .isInstanceOf(dev.reservation.core.domain.InactiveException.class).hasMessageContaining("deactivated");
        assertThat(ofRoom()).isEmpty();
    }
}
