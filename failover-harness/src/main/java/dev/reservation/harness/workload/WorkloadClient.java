package dev.reservation.harness.workload;

import dev.reservation.core.domain.ConcurrentUpdateException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationConflictException;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.ReservationNotFoundException;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.service.BookingReceipt;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.History;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import dev.reservation.harness.history.Seen;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Performs planned operations through one store instance — bookings through a {@link Booker} and
 * cancellations through a {@link Canceller} (the application's service: the path real users take,
 * including its retries of unknown outcomes), reads through the reservation store's port — and records
 * each as {@code invoke} followed by exactly one completion:
 * <ul>
 *   <li>{@code ok}: it happened (a booking's id, a cancellation's resulting status, what a read saw);</li>
 *   <li>{@code fail}: it certainly did not happen. For a booking: a 409 conflict (reason
 *       {@code conflict}: someone else holds an overlapping slot, nothing was booked), the store
 *       unavailable (nothing was booked), or a rule violation. For a cancellation: not found,
 *       unavailable (nothing changed), a concurrent change by someone else;</li>
 *   <li>{@code info}: it may or may not have happened ({@link WriteOutcomeUnknownException}, or any
 *       unexpected exception after a write was sent).</li>
 * </ul>
 * Reads that go wrong are {@code fail}: they change nothing. Thread-safe (stateless apart from its collaborators).
 */
public final class WorkloadClient {
    /** The most reservations one read returns; a read that hits it is marked truncated. */
    public static final int READ_LIMIT = 500;
    private final String instance;
    private final Booker booker;
    private final Canceller canceller;
    private final ReservationStore reads;
    private final History history;

    /** @param instance the store instance's name ({@code s0}, {@code s1}, ...), recorded with every operation */
    public WorkloadClient(String instance, Booker booker, Canceller canceller, ReservationStore reads, History history) {
        this.instance = instance;
        this.booker = booker;
        this.canceller = canceller;
        this.reads = reads;
        this.history = history;
    }

    /** One instance that books and reads but never cancels. */
    public WorkloadClient(Booker booker, ReservationStore reads, History history) {
        this("s0", booker, (user, id) -> {
            throw new UnsupportedOperationException("this client does not cancel");
        }, reads, history);
    }

    public Op perform(String process, Plan plan) {
        if (plan instanceof Plan.Reserve reserve) {
            return reserve(process, reserve);
        }
        if (plan instanceof Plan.Cancel cancel) {
            return cancel(process, cancel);
        }
        return read(process, (Plan.Read) plan);
    }

    private Op reserve(String process, Plan.Reserve plan) {
        Op invoke = history.invoke(process, HistoryTerms.RESERVE, Map.of(HistoryTerms.KEY, plan.key(), HistoryTerms.ROOM, plan.roomId(),
                HistoryTerms.USER, plan.userId(), HistoryTerms.START, plan.slot().start().toString(), HistoryTerms.END, plan.slot().end().toString(),
                HistoryTerms.INSTANCE, instance));
        try {
            BookingReceipt receipt = booker.book(new ReserveRequest(plan.roomId(), plan.userId(),
                    plan.slot(), "harness " + plan.key(), 1, Optional.of(plan.key())));
            return history.complete(invoke, OpType.OK, Map.of(HistoryTerms.ID, receipt.reservation().id(),
                    "replayed", Boolean.toString(receipt.replayed())), null);
        } catch (ReservationConflictException e) {
            return history.complete(invoke, OpType.FAIL, Map.of(HistoryTerms.REASON, HistoryTerms.REASON_CONFLICT), e.getMessage());
        } catch (StoreUnavailableException e) {
            return history.complete(invoke, OpType.FAIL, Map.of(HistoryTerms.REASON, HistoryTerms.REASON_UNAVAILABLE), e.getMessage());
        } catch (WriteOutcomeUnknownException e) {
            return history.complete(invoke, OpType.INFO, Map.of(), e.getMessage());
        } catch (ReservationException e) {
            return history.complete(invoke, OpType.FAIL, Map.of(HistoryTerms.REASON, HistoryTerms.REASON_REJECTED),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return history.complete(invoke, OpType.INFO, Map.of(HistoryTerms.REASON, "unexpected"),
                    e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private Op cancel(String process, Plan.Cancel plan) {
        Op invoke = history.invoke(process, HistoryTerms.CANCEL, Map.of(HistoryTerms.ID, plan.reservationId(), HistoryTerms.KEY, plan.key(),
                HistoryTerms.ROOM, plan.roomId(), HistoryTerms.USER, plan.userId(), HistoryTerms.START, plan.slot().start().toString(),
                HistoryTerms.END, plan.slot().end().toString(), HistoryTerms.INSTANCE, instance));
        try {
            Reservation r = canceller.cancel(plan.userId(), plan.reservationId());
            return history.complete(invoke, OpType.OK, Map.of(HistoryTerms.STATUS, r.status().name()), null);
        } catch (ReservationNotFoundException e) {
            return history.complete(invoke, OpType.FAIL, Map.of(HistoryTerms.REASON, HistoryTerms.REASON_NOT_FOUND), e.getMessage());
        } catch (StoreUnavailableException e) {
            return history.complete(invoke, OpType.FAIL, Map.of(HistoryTerms.REASON, HistoryTerms.REASON_UNAVAILABLE), e.getMessage());
        } catch (ConcurrentUpdateException e) {
            return history.complete(invoke, OpType.FAIL, Map.of(HistoryTerms.REASON, "concurrent-update"), e.getMessage());
        } catch (WriteOutcomeUnknownException e) {
            return history.complete(invoke, OpType.INFO, Map.of(), e.getMessage());
        } catch (ReservationException e) {
            return history.complete(invoke, OpType.FAIL, Map.of(HistoryTerms.REASON, HistoryTerms.REASON_REJECTED),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return history.complete(invoke, OpType.INFO, Map.of(HistoryTerms.REASON, "unexpected"),
                    e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private Op read(String process, Plan.Read plan) {
        Op invoke = history.invoke(process, HistoryTerms.READ, Map.of(HistoryTerms.ROOM, plan.roomId(), HistoryTerms.FROM,
                plan.window().start().toString(), HistoryTerms.TO, plan.window().end().toString(), HistoryTerms.INSTANCE, instance));
        try {
            List<Reservation> found = reads.find(ReservationQuery.all().room(plan.roomId())
                    .window(plan.window().start(), plan.window().end()).limit(READ_LIMIT));
            List<Seen.Entry> seen = found.stream()
                    .map(r -> new Seen.Entry(r.id(), r.idempotencyKey(), r.status().name(), r.slot())).toList();
            return history.complete(invoke, OpType.OK, Map.of(HistoryTerms.COUNT, Integer.toString(found.size()),
                    HistoryTerms.SEEN, Seen.encode(seen), HistoryTerms.TRUNCATED, Boolean.toString(found.size() >= READ_LIMIT)), null);
        } catch (RuntimeException e) {
            String reason = e instanceof StoreUnavailableException ? HistoryTerms.REASON_UNAVAILABLE : "error";
            return history.complete(invoke, OpType.FAIL, Map.of(HistoryTerms.REASON, reason),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
