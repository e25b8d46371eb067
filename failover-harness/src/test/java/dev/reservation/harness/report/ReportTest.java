package dev.reservation.harness.report;

import static dev.reservation.harness.history.HandWritten.history;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reservation.harness.checker.TrialResult;
import dev.reservation.harness.checker.CheckResult;
import dev.reservation.harness.checker.TimingChecker;
import dev.reservation.harness.cluster.ClusterKind;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.Op;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    private static final String A = "2030-01-01T10:00:00Z", B = "2030-01-01T10:15:00Z";

    private static List<Op> trialHistory(int trial, double electedAt) {
        return history().trial(trial)
                .reserve(0, "c0", "k-" + trial + "-1", "r-spree", A, B).ok(2, "c0", "res-1")
                .fault(1000, "kill", "127.0.0.1:27017", 0)
                .reserve(1100, "c0", "k-" + trial + "-2", "r-spree", A, B).unknown(1900, "c0")
                .event(electedAt, "harness", HistoryTerms.WRITABLE_AGAIN, Map.of(HistoryTerms.SOURCE, HistoryTerms.SOURCE_POLL))
                .reserve(electedAt + 10, "c0", "k-" + trial + "-3", "r-<&>", A, B).ok(electedAt + 20, "c0", "res-3")
                .ops();
    }

    private static TrialResult result(int trial, List<Op> ops, List<String> violations) {
        return new TrialResult(trial, new TimingChecker().measure(trial, ops),
                List.of(CheckResult.of("no-lost-writes", violations, Map.of("ok", 2L))),
                new TrialResult.OpCounts(2, 0, 0, 1, 0, 0, 0, 0, 0), new TrialResult.Latency(3, 1, 2, 3, 800),
                new TrialResult.Contention(3, 1), TrialResult.Leftovers.NOT_READ, 1, 0, null);
    }

    private static RunInfo info() {
        return new RunInfo(null, "embedded-process", "one node", "kill", "kill -9", 2, 4, 50, "8 s", "2 s", "1 s", "60 s",
                Map.of(), "mongodb://***@127.0.0.1:1/", "2030-01-01T00:00:00Z", "contention", "w:majority",
                RunNotes.forKind(ClusterKind.EMBEDDED_PROCESS, "w:majority"));
    }

    @Test
    void summarizesTrialsWithNearestRankPercentiles() {
        Stats stats = Stats.of(Arrays.asList(4.0, null, 1.0, 3.0, 2.0));

        assertThat(stats.n()).isEqualTo(4);
        assertThat(stats.missing()).isEqualTo(1);
        assertThat(stats.min()).isEqualTo(1.0);
        assertThat(stats.p50()).isEqualTo(2.0);
        assertThat(stats.p95()).isEqualTo(4.0);
        assertThat(stats.max()).isEqualTo(4.0);
        assertThat(Stats.of(List.of()).p50()).isNull();
    }

    @Test
    void writesAJsonSummaryWithVerdictAggregateAndTrials(@TempDir Path dir) throws Exception {
        List<TrialResult> trials = List.of(result(1, trialHistory(1, 3000), List.of()),
                result(2, trialHistory(2, 5000), List.of("lost write: res-9")));

        SummaryJson.write(dir.resolve("summary.json"), info(), trials);

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.at("/verdict/valid").asBoolean()).isFalse();
        assertThat(summary.at("/verdict/violations/0").asText()).isEqualTo("trial 2, no-lost-writes: lost write: res-9");
        assertThat(summary.at("/aggregate/writableAgainMs/min").asDouble()).isEqualTo(2000.0);
        assertThat(summary.at("/aggregate/writableAgainMs/max").asDouble()).isEqualTo(4000.0);
        assertThat(summary.at("/aggregate/electionMs/n").asInt()).as("a single node has no election").isZero();
        assertThat(summary.at("/trials/1/timing/unknownDuring").asInt()).isEqualTo(1);
        assertThat(summary.at("/run/notes/0").asText()).contains("no election");
    }

    @Test
    void writesOneCsvRowPerTrialWithEmptyCellsForWhatWasNotObserved() {
        String csv = TrialsCsv.render(info(), List.of(result(1, trialHistory(1, 3000), List.of())));

        String[] lines = csv.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("trial,fault,member,faults,election_ms");
        assertThat(lines[1]).startsWith("1,kill,127.0.0.1:27017,1,,,,,2000.0,");
        assertThat(TrialsCsv.text("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    }

    @Test
    void rendersASelfContainedPageWithPlotsAndEscapedText() {
        List<Op> ops = new ArrayList<>(trialHistory(1, 3000));
        ops.addAll(trialHistory(2, 5000));
        String html = HtmlReport.render(info(), List.of(result(1, trialHistory(1, 3000), List.of()),
                result(2, trialHistory(2, 5000), List.of("lost write: <res-9>"))), ops);

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>")
                .contains("VIOLATIONS FOUND").contains("lost write: &lt;res-9&gt;")
                .contains("Trial 1").contains("Trial 2").contains("writable again");
        assertThat(html.split("<svg", -1)).as("distribution + two timelines").hasSize(4);
        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("<link")
                .doesNotContain("r-<&>");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    }

    private static RunInfo rigInfo() {
        return new RunInfo(dev.reservation.rig.ReplicationRig.SIMULATION_NOTICE, "rig-psa", "rig", "stall-commit",
                "stalls", 1, 4, 50, "8 s", "2 s", "5 s", "60 s", Map.of(), "mongodb://127.0.0.1:1/?replicaSet=rig0",
                "2030-01-01T00:00:00Z", "contention", "w:majority", RunNotes.forKind(ClusterKind.RIG_PSA, "w:majority"));
    }

    @Test
    void everyReportOfARigRunStartsWithTheSimulationNotice(@TempDir Path dir) throws Exception {
        String notice = dev.reservation.rig.ReplicationRig.SIMULATION_NOTICE;
        List<TrialResult> trials = List.of(result(1, trialHistory(1, 3000), List.of()));

        SummaryJson.write(dir.resolve("summary.json"), rigInfo(), trials);
        String html = HtmlReport.render(rigInfo(), trials, trialHistory(1, 3000));

        List<String> json = Files.readAllLines(dir.resolve("summary.json"));
        assertThat(json.get(1)).isEqualTo("  \"simulation\" : \"" + notice + "\",");
        assertThat(TrialsCsv.render(rigInfo(), trials).split("\n")[0]).isEqualTo("# " + notice);
        assertThat(html.substring(html.indexOf("<body>") + 6)).startsWith("<p class=\"simulation\">" + notice + "</p>");
        assertThat(html).contains("<title>SIMULATION: ").contains("Timings (of the simulation, not MongoDB's)");
        assertThat(RunNotes.forKind(ClusterKind.RIG_PSA, "").get(0)).startsWith(notice);
        assertThat(HtmlReport.render(info(), trials, trialHistory(1, 3000))).doesNotContain("SIMULATION");
    }

    @Test
    void namesTheReservationsInvolvedInAViolationWithWhoBookedThemAndWhen() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B, "s1").ok(1500, "c0", "res-7")
                .ops();
        TrialResult violated = new TrialResult(1, new TimingChecker().measure(1, ops),
                List.of(CheckResult.of("store-invariants", List.of("confirmed reservation res-7 holds no claim"), Map.of())),
                new TrialResult.OpCounts(1, 0, 0, 0, 0, 0, 0, 0, 0), new TrialResult.Latency(1, 1, 1, 1, 1),
                new TrialResult.Contention(1, 0), TrialResult.Leftovers.NOT_READ, 0, 0, null);

        String html = HtmlReport.render(info(), List.of(violated), ops);

        assertThat(html).contains("Reservations involved").contains("res-7").contains("k-1").contains("c0 via s1")
                .contains("ok at 1.500 s");
    }
}
