package dev.reservation.harness.workload;

import dev.reservation.core.domain.ReservationConflictException;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.service.BookingReceipt;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.harness.history.Fn;
import dev.reservation.harness.history.History;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import java.util.Map;
import java.util.Optional;

/**
 * Performs planned operations — bookings through a {@link Booker} (the application's service: the path
 * real users take, including its retry of unknown outcomes), reads through the reservation store's port —
 * and records each as {@code invoke} followed by
 * exactly one completion: {@code ok}; {@code fail} when it certainly did not happen (a conflict, the
 * store unavailable, a rule violation); {@code info} when it may have happened
 * ({@link WriteOutcomeUnknownException}, or any unexpected exception after a write was sent). Reads that
 * go wrong are {@code fail}: they change nothing. Thread-safe (stateless apart from its collaborators).
 */
public final class WorkloadClient {
    private static final int READ_LIMIT = 500;
    private final Booker booker;
    private final ReservationStore reads;
    private final History history;

    public WorkloadClient(Booker booker, ReservationStore reads, History history) {
        this.booker = booker;
        this.reads = reads;
        this.history = history;
    }

    public Op perform(String process, Plan plan) {
        if (plan instanceof Plan.Reserve reserve) {
            return reserve(process, reserve);
        }
        return read(process, (Plan.Read) plan);
    }

    private Op reserve(String process, Plan.Reserve plan) {
        Op invoke = history.invoke(process, Fn.RESERVE, Map.of(Fn.KEY, plan.key(), Fn.ROOM, plan.roomId(),
                Fn.START, plan.slot().start().toString(), Fn.END, plan.slot().end().toString()));
        try {
            BookingReceipt receipt = booker.book(new ReserveRequest(plan.roomId(), plan.userId(),
                    plan.slot(), "harness " + plan.key(), 1, Optional.of(plan.key())));
            return history.complete(invoke, OpType.OK, Map.of(Fn.ID, receipt.reservation().id(),
                    "replayed", Boolean.toString(receipt.replayed())), null);
        } catch (ReservationConflictException e) {
            return history.complete(invoke, OpType.FAIL, Map.of(Fn.REASON, Fn.REASON_CONFLICT), e.getMessage());
        } catch (StoreUnavailableException e) {
            return history.complete(invoke, OpType.FAIL, Map.of(Fn.REASON, Fn.REASON_UNAVAILABLE), e.getMessage());
        } catch (WriteOutcomeUnknownException e) {
            return history.complete(invoke, OpType.INFO, Map.of(), e.getMessage());
        } catch (ReservationException e) {
            return history.complete(invoke, OpType.FAIL, Map.of(Fn.REASON, Fn.REASON_REJECTED),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return history.complete(invoke, OpType.INFO, Map.of(Fn.REASON, "unexpected"),
                    e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private Op read(String process, Plan.Read plan) {
        Op invoke = history.invoke(process, Fn.READ, Map.of(Fn.ROOM, plan.roomId()));
        try {
            int found = reads.find(ReservationQuery.all().room(plan.roomId())
                    .window(plan.window().start(), plan.window().end()).limit(READ_LIMIT)).size();
            return history.complete(invoke, OpType.OK, Map.of("count", Integer.toString(found)), null);
        } catch (RuntimeException e) {
            String reason = e instanceof StoreUnavailableException ? Fn.REASON_UNAVAILABLE : "error";
            return history.complete(invoke, OpType.FAIL, Map.of(Fn.REASON, reason),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
