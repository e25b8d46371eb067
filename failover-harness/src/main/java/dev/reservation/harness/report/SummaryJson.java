package dev.reservation.harness.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.reservation.harness.TrialResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code summary.json}: the run, the verdict, every trial and the aggregate. Stateless. */
public final class SummaryJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    public static Map<String, Object> summary(RunInfo run, List<TrialResult> trials) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("valid", trials.stream().allMatch(TrialResult::valid));
        verdict.put("complete", trials.stream().allMatch(t -> t.incomplete() == null));
        verdict.put("violations", trials.stream().flatMap(t -> t.checks().stream())
                .flatMap(c -> c.violations().stream()).toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("run", run);
        summary.put("verdict", verdict);
        summary.put("aggregate", Aggregate.of(trials));
        summary.put("trials", trials);
        return summary;
    }

    public static void write(Path file, RunInfo run, List<TrialResult> trials) throws IOException {
        JSON.writeValue(file.toFile(), summary(run, trials));
    }
}
