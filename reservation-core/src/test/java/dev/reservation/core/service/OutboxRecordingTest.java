package dev.reservation.core.service;

import static dev.reservation.core.service.ServiceFixture.as;
import static dev.reservation.core.service.ServiceFixture.tomorrow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.memory.InMemoryOutboxStore;
import dev.reservation.core.memory.ScanningReservationChanges;
import dev.reservation.core.notify.ChangeKind;
import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.core.notify.OutboxRecorder;
import dev.reservation.core.notify.OutboxStore;
import dev.reservation.core.notify.OutboxSweeper;
import dev.reservation.core.notify.ReservationChangeListener;
import dev.reservation.core.store.ReservationQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The service records each change in the outbox once, whatever its retries; the sweeper closes the crash window. */
class OutboxRecordingTest {
    private final InMemoryOutboxStore outbox = new InMemoryOutboxStore();
    private final List<RuntimeException> failures = new ArrayList<>();

    private ReservationService service(ServiceFixture f, ReservationChangeListener listener) {
        return new ReservationService(f.users, f.rooms, f.reservations, f.search, BookingPolicy.DEFAULT, f.clock,
                IdGenerator.uuids(), listener, BookingGate.OPEN);
    }

    private OutboxRecorder recorder(OutboxStore store, Clock clock) {
        return new OutboxRecorder(store, List.of(OutboxEntry.EMAIL), clock, failures::add, () -> { });
    }

    private List<OutboxEntry> entries() {
        return outbox.lease(OutboxEntry.EMAIL, Instant.MAX.minusSeconds(3600), Duration.ofSeconds(1), 100);
    }

    @Test
    void aBookingAndItsCancellationAreEachRecordedOnce() {
        ServiceFixture f = new ServiceFixture();
        ReservationService service = service(f, recorder(outbox, f.clock));
        Reservation r = service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        service.cancel(as(f.grace), r.id());
        service.cancel(as(f.grace), r.id()); // cancelling again changes nothing and records nothing new
        assertThat(entries()).extracting(OutboxEntry::id).containsExactlyInAnyOrder(
                OutboxEntry.idOf("email", r.id(), 0, ChangeKind.BOOKED),
                OutboxEntry.idOf("email", r.id(), 1, ChangeKind.CANCELLED));
    }

    @Test
    void aRetriedBookingAfterAnUnknownOutcomeAndAReplayByItsKeyAreRecordedOnce() {
        OutcomeUnknownTest.AmbiguousStore store = new OutcomeUnknownTest.AmbiguousStore(1, true);
        ServiceFixture f = new ServiceFixture(store);
        ReservationService service = service(f, recorder(outbox, f.clock));
        ReserveRequest keyed = new ReserveRequest(f.small.id(), f.grace.id(), tomorrow(9, 0, 60), "Sync", 2,
                Optional.of("key-1"));
        BookingReceipt first = service.reserveWithReceipt(as(f.grace), keyed);
        BookingReceipt replay = service.reserveWithReceipt(as(f.grace), keyed);
        assertThat(replay.replayed()).isTrue();
        assertThat(entries()).extracting(OutboxEntry::reservationId).containsExactly(first.reservation().id());
    }

    @Test
    void aFailedEnqueueNeverFailsTheBookingAndTheSweeperRecordsItLater() {
        ServiceFixture f = new ServiceFixture();
        AtomicBoolean down = new AtomicBoolean(true);
        OutboxStore flaky = new dev.reservation.core.notify.ForwardingOutboxStore(outbox) {
            @Override
            public boolean enqueue(OutboxEntry.New entry) {
                if (down.get()) {
                    throw new dev.reservation.core.domain.StoreUnavailableException("outbox down", null);
                }
                return super.enqueue(entry);
            }
        };
        OutboxSweeper sweeper = new OutboxSweeper(new ScanningReservationChanges(f.reservations), outbox,
                List.of(OutboxEntry.EMAIL), Clock.offset(f.clock, Duration.ofSeconds(30)), Duration.ofMinutes(10),
                Duration.ofSeconds(5));
        outbox.advanceCursor(OutboxSweeper.CURSOR, ServiceFixture.NOW.minusSeconds(60)); // swept before the crash
        Reservation r = service(f, recorder(flaky, f.clock))
                .reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        assertThat(failures).hasSize(1);
        assertThat(f.reservations.find(ReservationQuery.all())).containsExactly(r);
        assertThat(outbox.find(OutboxEntry.idOf("email", r.id(), 0, ChangeKind.BOOKED))).isEmpty();

        OutboxSweeper.Result swept = sweeper.sweep();
        assertThat(swept.enqueued()).isEqualTo(1);
        assertThat(outbox.find(OutboxEntry.idOf("email", r.id(), 0, ChangeKind.BOOKED))).isPresent();
        assertThat(sweeper.sweep().enqueued()).isZero(); // found again in the overlap, already there
    }

    @Test
    void theFirstSweepOfAFreshOutboxStartsAtNowAndMailsNoHistory() {
        ServiceFixture f = new ServiceFixture();
        service(f, ReservationChangeListener.NONE).reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        Clock later = Clock.fixed(ServiceFixture.NOW.plusSeconds(60), ZoneOffset.UTC);
        OutboxSweeper sweeper = new OutboxSweeper(new ScanningReservationChanges(f.reservations), outbox,
                List.of(OutboxEntry.EMAIL), later, Duration.ofSeconds(10), Duration.ofSeconds(5));
        assertThat(sweeper.sweep().enqueued()).isZero();
        assertThat(sweeper.sweep().enqueued()).isZero();
        assertThat(outbox.cursor(OutboxSweeper.CURSOR)).contains(ServiceFixture.NOW.plusSeconds(55));
    }
}
