package dev.reservation.harness;

import dev.reservation.harness.checker.TrialResult;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import dev.reservation.harness.history.Pairs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Counts, contention and latency percentiles of a history's client operations. Pure; thread-safe. */
public final class OpStats {
    private OpStats() {
    }

    public static TrialResult.OpCounts counts(List<Op> ops) {
        long ok = 0, conflict = 0, fail = 0, unknown = 0, cancelOk = 0, cancelFail = 0, cancelUnknown = 0;
        long readOk = 0, readFail = 0;
        for (Pairs.Pair pair : Pairs.of(ops)) {
            String f = pair.invoke().f();
            OpType outcome = pair.outcome();
            if (f.equals(HistoryTerms.RESERVE)) {
                if (outcome == OpType.OK) {
                    ok++;
                } else if (outcome == OpType.FAIL && HistoryTerms.REASON_CONFLICT.equals(pair.completion().value().get(HistoryTerms.REASON))) {
                    conflict++;
                } else if (outcome == OpType.FAIL) {
                    fail++;
                } else {
                    unknown++;
                }
            } else if (f.equals(HistoryTerms.CANCEL)) {
                if (outcome == OpType.OK) {
                    cancelOk++;
                } else if (outcome == OpType.FAIL) {
                    cancelFail++;
                } else {
                    cancelUnknown++;
                }
            } else if (outcome == OpType.OK) {
                readOk++;
            } else {
                readFail++;
            }
        }
        return new TrialResult.OpCounts(ok, conflict, fail, unknown, cancelOk, cancelFail, cancelUnknown, readOk, readFail);
    }

    private record Attempt(int index, String room, TimeSlot slot, long from, long to) {
    }

    /** How many booking attempts were in flight together with another on the same room and an overlapping slot. */
    public static TrialResult.Contention contention(List<Op> ops) {
        Map<String, List<Attempt>> byRoom = new HashMap<>();
        int n = 0;
        for (Pairs.Pair p : Pairs.of(ops)) {
            if (!p.invoke().f().equals(HistoryTerms.RESERVE)) {
                continue;
            }
            Op i = p.invoke();
            byRoom.computeIfAbsent(i.require(HistoryTerms.ROOM), k -> new ArrayList<>()).add(new Attempt(n++, i.require(HistoryTerms.ROOM),
                    new TimeSlot(Instant.parse(i.require(HistoryTerms.START)), Instant.parse(i.require(HistoryTerms.END))), i.time(),
                    p.completion() == null ? Long.MAX_VALUE : p.completion().time()));
        }
        boolean[] overlapped = new boolean[n];
        for (List<Attempt> room : byRoom.values()) {
            room.sort(Comparator.comparingLong(Attempt::from));
            for (int a = 0; a < room.size(); a++) {
                Attempt x = room.get(a);
                for (int b = a + 1; b < room.size() && room.get(b).from() < x.to(); b++) {
                    Attempt y = room.get(b);
                    if (x.slot().overlaps(y.slot())) {
                        overlapped[x.index()] = true;
                        overlapped[y.index()] = true;
                    }
                }
            }
        }
        long count = 0;
        for (boolean o : overlapped) {
            count += o ? 1 : 0;
        }
        return new TrialResult.Contention(n, count);
    }

    /** Faults the nemesis injected: its fault-phase operations that completed ok. */
    public static long faults(List<Op> ops) {
        return ops.stream().filter(op -> op.process().equals("nemesis") && op.type() == OpType.OK
                && HistoryTerms.PHASE_FAULT.equals(op.value().get(HistoryTerms.PHASE))).count();
    }

    public static TrialResult.Latency reserveLatency(List<Op> ops) {
        Histogram histogram = new Histogram(3);
        for (Pairs.Pair pair : Pairs.of(ops)) {
            if (pair.invoke().f().equals(HistoryTerms.RESERVE) && pair.completion() != null) {
                histogram.recordValue(Math.max(0, pair.latencyNanos() / 1_000));
            }
        }
        if (histogram.getTotalCount() == 0) {
            return new TrialResult.Latency(0, 0, 0, 0, 0);
        }
        return new TrialResult.Latency(histogram.getTotalCount(), micros(histogram.getValueAtPercentile(50)),
                micros(histogram.getValueAtPercentile(95)), micros(histogram.getValueAtPercentile(99)),
                micros(histogram.getMaxValue()));
    }

    private static double micros(long value) {
        return Math.round(value / 10.0) / 100.0;
    }
}
