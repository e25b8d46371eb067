package dev.reservation.core.service;

import static dev.reservation.core.service.ServiceFixture.as;
import static dev.reservation.core.service.ServiceFixture.tomorrow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.memory.InMemoryReservationStore;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ForwardingReservationStore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A store that applies a write and then cannot say so (a timeout after sending) must never make the
 * service book twice or report a booking as failed when it landed.
 */
class OutcomeUnknownTest {

    /** Wraps the in-memory store; the first {@code failures} bookings are applied (or not), then reported unknown. */
    static class AmbiguousStore extends ForwardingReservationStore {
        final AtomicInteger failures;
        final boolean applyBeforeFailing;

        AmbiguousStore(int failures, boolean applyBeforeFailing) {
            super(new InMemoryReservationStore());
            this.failures = new AtomicInteger(failures);
            this.applyBeforeFailing = applyBeforeFailing;
        }

        @Override
        public BookingOutcome book(Reservation candidate) {
            if (failures.getAndDecrement() > 0) {
                if (applyBeforeFailing) {
                    super.book(candidate);
                }
                throw new WriteOutcomeUnknownException("socket timed out after sending", null);
            }
            return super.book(candidate);
        }
    }

    @Test
    void aBookingThatLandedBeforeTheTimeoutIsReportedAsBookedOnce() {
        AmbiguousStore store = new AmbiguousStore(1, true);
        ServiceFixture f = new ServiceFixture(store);
        BookingReceipt receipt = f.service.reserveWithReceipt(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        assertThat(receipt.replayed()).isFalse();
        assertThat(store.find(ReservationQuery.all())).containsExactly(receipt.reservation());
    }

    @Test
    void aBookingThatDidNotLandIsAppliedByTheRetry() {
        AmbiguousStore store = new AmbiguousStore(2, false);
        ServiceFixture f = new ServiceFixture(store);
        Reservation r = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        assertThat(store.find(ReservationQuery.all())).containsExactly(r);
    }

    @Test
    void anOutcomeThatStaysUnknownIsReportedAsUnknownNeverAsFailed() {
        AmbiguousStore store = new AmbiguousStore(ReservationService.OUTCOME_RESOLUTION_ATTEMPTS, true);
        ServiceFixture f = new ServiceFixture(store);
        assertThatThrownBy(() -> f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60))))
                .isInstanceOfSatisfying(WriteOutcomeUnknownException.class, e -> {
                    assertThat(e).hasMessageContaining("could not confirm whether reservation");
                    assertThat(e.reservationId()).contains(store.find(ReservationQuery.all()).get(0).id());
                });
        assertThat(store.find(ReservationQuery.all())).hasSize(1);
    }

    @Test
    void anUnavailableStoreAfterAnUnknownOutcomeIsStillAnUnknownOutcome() {
        AmbiguousStore store = new AmbiguousStore(1, true) {
            @Override
            public BookingOutcome book(Reservation candidate) {
                if (failures.get() <= 0) {
                    throw new StoreUnavailableException("no primary within 15s", null);
                }
                return super.book(candidate);
            }
        };
        ServiceFixture f = new ServiceFixture(store);
        assertThatThrownBy(() -> f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60))))
                .isInstanceOfSatisfying(WriteOutcomeUnknownException.class,
                        e -> assertThat(e.reservationId()).isPresent());
        assertThat(store.find(ReservationQuery.all())).hasSize(1); // it did land: "unavailable" would have lied
    }

    @Test
    void anUnavailableStoreIsReportedAsUnavailableWithoutRetrying() {
        AtomicInteger calls = new AtomicInteger();
        ServiceFixture f = new ServiceFixture(new AmbiguousStore(0, false) {
            @Override
            public BookingOutcome book(Reservation candidate) {
                calls.incrementAndGet();
                throw new StoreUnavailableException("no primary within 15s", null);
            }
        });
        assertThatThrownBy(() -> f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60))))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void anOutcomeStillUnknownAfterTheRetriesIsSettledByTheIdempotencyKeyAsBookedByThisRequest() {
        AmbiguousStore store = new AmbiguousStore(ReservationService.OUTCOME_RESOLUTION_ATTEMPTS, true);
        ServiceFixture f = new ServiceFixture(store);
        BookingReceipt receipt = f.service.reserveWithReceipt(as(f.grace),
                f.request(f.small, f.grace, tomorrow(9, 0, 60)).withIdempotencyKey("k-1"));
        assertThat(receipt.replayed()).as("this request made it").isFalse();
        assertThat(store.find(ReservationQuery.all())).containsExactly(receipt.reservation());
    }

    @Test
    void aKeyThatAnEarlierRequestUsedSettlesAnUnknownOutcomeAsAReplay() {
        InMemoryReservationStore backing = new InMemoryReservationStore();
        ServiceFixture f = new ServiceFixture(new ForwardingReservationStore(backing) {
            private boolean first = true;
            private int lookups;

            @Override
            public BookingOutcome book(Reservation candidate) {
                if (first) {
                    first = false;
                    return super.book(candidate);
                }
                throw new WriteOutcomeUnknownException("socket timed out after sending", null);
            }

            @Override
            public java.util.Optional<Reservation> findByIdempotencyKey(String actorId, String key) {
                return ++lookups <= 2 ? java.util.Optional.empty() : super.findByIdempotencyKey(actorId, key);
            }
        });
        Reservation original = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60))
                .withIdempotencyKey("k-2"));
        // the service's own up-front look-up misses (as if it read a lagging copy), the store times out, the key settles it
        BookingReceipt again = f.service.reserveWithReceipt(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60))
                .withIdempotencyKey("k-2"));
        assertThat(again.reservation()).isEqualTo(original);
        assertThat(again.replayed()).isTrue();
    }

    /**
     * A replica set's view of a cancellation whose acknowledgement was lost: the first cancel is applied
     * (version 0 → 1) and reported unknown; reads keep showing the committed CONFIRMED version 0 while
     * the commit point stalls ({@code staleReads} of them); a cancel of version 0 then finds version 1
     * and answers "someone changed it", as a store that re-reads after its update missed does.
     */
    static class LostCancelAcknowledgement extends ForwardingReservationStore {
        final AtomicInteger staleReads;
        final AtomicInteger cancels = new AtomicInteger();
        volatile Reservation beforeCancel;

        LostCancelAcknowledgement(int staleReads) {
            super(new InMemoryReservationStore());
            this.staleReads = new AtomicInteger(staleReads);
        }

        @Override
        public java.util.Optional<Reservation> findById(String id) {
            if (beforeCancel != null && staleReads.getAndDecrement() > 0) {
                return java.util.Optional.of(beforeCancel);
            }
            return super.findById(id);
        }

        @Override
        public Reservation cancel(String id, long expectedVersion, java.time.Instant at, String byUserId) {
            if (cancels.getAndIncrement() == 0) {
                beforeCancel = super.findById(id).orElseThrow();
                super.cancel(id, expectedVersion, at, byUserId);
                throw new WriteOutcomeUnknownException("waiting for replication timed out", null);
            }
            Reservation now = super.findById(id).orElseThrow();
            if (now.version() != expectedVersion) {
                throw new dev.reservation.core.domain.ConcurrentUpdateException("reservation " + id + " is at version "
                        + now.version() + ", not " + expectedVersion);
            }
            return super.cancel(id, expectedVersion, at, byUserId);
        }
    }

    @Test
    void aCancellationWhoseOwnEarlierAttemptLandedIsNeverReportedAsChangedBySomeoneElse() {
        LostCancelAcknowledgement store = new LostCancelAcknowledgement(Integer.MAX_VALUE);
        ServiceFixture f = new ServiceFixture(store);
        Reservation r = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));

        assertThatThrownBy(() -> f.service.cancel(as(f.grace), r.id()))
                .isInstanceOfSatisfying(WriteOutcomeUnknownException.class, e -> {
                    assertThat(e).hasMessageContaining("could not confirm whether reservation " + r.id() + " was cancelled");
                    assertThat(e.reservationId()).contains(r.id());
                });
        store.staleReads.set(0);
        assertThat(store.findById(r.id()).orElseThrow().isConfirmed()).as("it was cancelled").isFalse();
    }

    @Test
    void aCancellationWhoseLandingBecomesVisibleIsReturnedAsCancelled() {
        LostCancelAcknowledgement store = new LostCancelAcknowledgement(2);
        ServiceFixture f = new ServiceFixture(store);
        Reservation r = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));

        assertThat(f.service.cancel(as(f.grace), r.id()).isConfirmed()).isFalse();
    }

    @Test
    void anUnavailableStoreAfterAnUnknownCancellationIsStillAnUnknownOutcome() {
        LostCancelAcknowledgement store = new LostCancelAcknowledgement(0) {
            @Override
            public java.util.Optional<Reservation> findById(String id) {
                if (cancels.get() > 0) {
                    throw new StoreUnavailableException("no primary within 15s", null);
                }
                return super.findById(id);
            }
        };
        ServiceFixture f = new ServiceFixture(store);
        Reservation r = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));

        assertThatThrownBy(() -> f.service.cancel(as(f.grace), r.id())).isInstanceOf(WriteOutcomeUnknownException.class);
    }

    @Test
    void aCancellationThatLosesToSomeoneElsesChangeEveryTimeIsAConcurrentUpdate() {
        ServiceFixture f = new ServiceFixture(new ForwardingReservationStore(new InMemoryReservationStore()) {
            @Override
            public Reservation cancel(String id, long expectedVersion, java.time.Instant at, String byUserId) {
                throw new dev.reservation.core.domain.ConcurrentUpdateException("changed meanwhile");
            }
        });
        Reservation r = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));

        assertThatThrownBy(() -> f.service.cancel(as(f.grace), r.id()))
                .isInstanceOf(dev.reservation.core.domain.ConcurrentUpdateException.class);
    }
}
