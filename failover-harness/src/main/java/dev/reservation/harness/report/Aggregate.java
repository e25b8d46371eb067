package dev.reservation.harness.report;

import dev.reservation.harness.checker.TrialResult;
import dev.reservation.harness.checker.TrialTiming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The per-trial timings summarized over all trials, metric by metric. Pure; thread-safe. */
public final class Aggregate {
    private Aggregate() {
    }

    /** Metric name (with unit) → its statistics, in the order reports show them. */
    public static Map<String, Stats> of(List<TrialResult> trials) {
        Map<String, Stats> metrics = new LinkedHashMap<>();
        metrics.put("electionMs", stat(trials, TrialTiming::electionMs));
        metrics.put("electionServerMs", stat(trials, TrialTiming::electionServerMs));
        metrics.put("electionDriverMs", stat(trials, TrialTiming::electionDriverMs));
        metrics.put("writableAgainMs", stat(trials, TrialTiming::writableAgainMs));
        metrics.put("unavailabilityMs", stat(trials, TrialTiming::unavailabilityMs));
        metrics.put("failedDuring", stat(trials, t -> (double) t.failedDuring()));
        metrics.put("unknownDuring", stat(trials, t -> (double) t.unknownDuring()));
        metrics.put("catchUpMs", stat(trials, TrialTiming::catchUpMs));
        return metrics;
    }

    private static Stats stat(List<TrialResult> trials, Function<TrialTiming, Double> metric) {
        return Stats.of(trials.stream().map(t -> metric.apply(t.timing())).toList());
    }
}
