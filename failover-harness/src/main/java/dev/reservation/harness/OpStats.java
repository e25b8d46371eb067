package dev.reservation.harness;

import dev.reservation.harness.history.Fn;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import dev.reservation.harness.history.Pairs;
import java.util.List;
import org.HdrHistogram.Histogram;

/** Counts and latency percentiles of a history's client operations. Pure; thread-safe. */
public final class OpStats {
    private OpStats() {
    }

    public static TrialResult.OpCounts counts(List<Op> ops) {
        long ok = 0, conflict = 0, fail = 0, unknown = 0, readOk = 0, readFail = 0;
        for (Pairs.Pair pair : Pairs.of(ops)) {
            boolean reserve = pair.invoke().f().equals(Fn.RESERVE);
            OpType outcome = pair.outcome();
            if (reserve && outcome == OpType.OK) {
                ok++;
            } else if (reserve && outcome == OpType.FAIL
                    && Fn.REASON_CONFLICT.equals(pair.completion().value().get(Fn.REASON))) {
                conflict++;
            } else if (reserve && outcome == OpType.FAIL) {
                fail++;
            } else if (reserve) {
                unknown++;
            } else if (outcome == OpType.OK) {
                readOk++;
            } else {
                readFail++;
            }
        }
        return new TrialResult.OpCounts(ok, conflict, fail, unknown, readOk, readFail);
    }

    public static TrialResult.Latency reserveLatency(List<Op> ops) {
        Histogram histogram = new Histogram(3);
        for (Pairs.Pair pair : Pairs.of(ops)) {
            if (pair.invoke().f().equals(Fn.RESERVE) && pair.completion() != null) {
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
