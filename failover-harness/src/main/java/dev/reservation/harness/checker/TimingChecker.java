package dev.reservation.harness.checker;

import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the timings of one trial out of its history: when the fault hit, when a primary was elected
 * (server view, driver view, harness poll), how long clients could not write and what failed meanwhile,
 * how long a restarted member took to catch up. A pure function; stateless and thread-safe.
 */
public final class TimingChecker {

    public TrialTiming measure(int trial, List<Op> ops) {
        List<Op> sorted = ops.stream().sorted(Comparator.comparingLong(Op::time)).toList();
        Optional<Op> fault = sorted.stream()
                .filter(op -> op.process().equals("nemesis") && op.type() == OpType.INVOKE
                        && HistoryTerms.PHASE_FAULT.equals(op.value().get(HistoryTerms.PHASE)))
                .findFirst();
        if (fault.isEmpty()) {
            return new TrialTiming(trial, null, null, null, null, null, null, null, null, null, null, null, 0, 0, null);
        }
        long faultAt = fault.get().time();
        // a clean shutdown keeps serving until the process exits: the client window starts when the fault is done
        long faultDone = sorted.stream().filter(op -> op.process().equals("nemesis") && op.type().completes()
                        && op.f().equals(fault.get().f()) && op.time() >= faultAt)
                .mapToLong(Op::time).findFirst().orElse(faultAt);
        Double server = firstEvent(sorted, faultAt, HistoryTerms.SOURCE_SERVER)
                .flatMap(e -> e.get(HistoryTerms.ELECTION_WALL))
                .flatMap(w -> fault.get().get(HistoryTerms.WALL).map(f -> (double) (Long.parseLong(w) - Long.parseLong(f))))
                .orElse(null);
        Double driver = firstEvent(sorted, faultAt, HistoryTerms.SOURCE_DRIVER).map(e -> ms(e.time() - faultAt)).orElse(null);
        Double poll = firstEvent(sorted, faultAt, HistoryTerms.SOURCE_POLL).map(e -> ms(e.time() - faultAt)).orElse(null);
        // a probe write acknowledged is "writable again", never an election (a single node has none)
        Double election = server != null ? server : driver;
        String source = server != null ? HistoryTerms.SOURCE_SERVER : driver != null ? HistoryTerms.SOURCE_DRIVER : null;

        long lastOkBefore = sorted.stream()
                .filter(op -> op.is(OpType.OK, HistoryTerms.RESERVE) && op.time() <= faultDone)
                .mapToLong(Op::time).max().orElse(faultDone);
        Optional<Long> firstOkAfter = sorted.stream()
                .filter(op -> op.is(OpType.OK, HistoryTerms.RESERVE) && op.time() > faultDone)
                .map(Op::time).findFirst();
        long windowEnd = firstOkAfter.orElse(Long.MAX_VALUE);
        long failed = sorted.stream().filter(op -> op.is(OpType.FAIL, HistoryTerms.RESERVE)
                && !HistoryTerms.REASON_CONFLICT.equals(op.value().get(HistoryTerms.REASON))
                && op.time() > lastOkBefore && op.time() <= windowEnd).count();
        long unknown = sorted.stream().filter(op -> op.is(OpType.INFO, HistoryTerms.RESERVE)
                && op.time() > lastOkBefore && op.time() <= windowEnd).count();

        String member = fault.get().get(HistoryTerms.MEMBER).orElse(null);
        Double catchUp = sorted.stream()
                .filter(op -> op.process().equals("nemesis") && op.type() == OpType.OK
                        && HistoryTerms.PHASE_HEAL.equals(op.value().get(HistoryTerms.PHASE)))
                .findFirst()
                .flatMap(heal -> sorted.stream()
                        .filter(op -> op.is(OpType.EVENT, HistoryTerms.MEMBER_CAUGHT_UP) && op.time() >= heal.time()
                                && java.util.Objects.equals(op.value().get(HistoryTerms.MEMBER), heal.value().get(HistoryTerms.MEMBER)))
                        .findFirst()
                        .map(caught -> ms(caught.time() - heal.time())))
                .orElse(null);
        return new TrialTiming(trial, fault.get().f(), member, ms(faultAt), election, source, server, driver, poll,
                ms(lastOkBefore), firstOkAfter.map(TimingChecker::ms).orElse(null),
                firstOkAfter.map(t -> ms(t - lastOkBefore)).orElse(null), failed, unknown, catchUp);
    }

    private static Optional<Op> firstEvent(List<Op> sorted, long after, String source) {
        return sorted.stream()
                .filter(op -> (op.is(OpType.EVENT, HistoryTerms.PRIMARY_ELECTED) || op.is(OpType.EVENT, HistoryTerms.WRITABLE_AGAIN))
                        && op.time() > after
                        && source.equals(op.value().get(HistoryTerms.SOURCE)))
                .findFirst();
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
