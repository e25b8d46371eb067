package dev.reservation.harness.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.reservation.harness.checker.TrialResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code summary.json}: for a run on the replication rig first the {@code simulation} notice,
 * then the run, the verdict (with every violation, prefixed by its trial and checker), the totals, the
 * aggregate timings and every trial. Stateless.
 */
public final class SummaryJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    public static Map<String, Object> summary(RunInfo run, List<TrialResult> trials) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("valid", trials.stream().allMatch(TrialResult::valid));
        verdict.put("complete", trials.stream().allMatch(t -> t.incomplete() == null));
        verdict.put("violations", trials.stream().flatMap(t -> t.checks().stream()
                .flatMap(c -> c.violations().stream().map(v -> "trial " + t.trial() + ", " + c.checker() + ": " + v)))
                .toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        if (run.simulation() != null) {
            summary.put("simulation", run.simulation());
        }
        summary.put("run", run);
        summary.put("verdict", verdict);
        summary.put("totals", Totals.of(trials));
        summary.put("aggregate", Aggregate.of(trials));
        summary.put("trials", trials);
        return summary;
    }

    public static void write(Path file, RunInfo run, List<TrialResult> trials) throws IOException {
        JSON.writeValue(file.toFile(), summary(run, trials));
    }
}
