package dev.reservation.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.HistoryFiles;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import dev.reservation.rig.ReplicationRig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline end to end on the replication rig (a SIMULATION of a PSA replica set, in this
 * JVM): the real Mongo store through the real driver, two store instances, the contention workload
 * with cancellations and checked reads, the rig nemesis stalling the commit point for 1-5 write
 * timeouts again and again, the final state read raw after the clients stopped, every checker, every
 * report. 2 trials × 8 s. On today's store it must pass; run against the store before the fix it
 * reports the double booking (see docs/example-rig-stall-old-code).
 */
class RigPsaEndToEndIT {
    @TempDir
    Path dir;

    @Test
    void stallsOfTheCommitPointLoseNothingAndDoubleBookNothingAndEveryReportSaysItIsASimulation() throws Exception {
        RunFolder run = RunFolder.run(dir.resolve("rig-stall"), "--cluster", "rig-psa", "--fault", "stall-commit",
                "--trials", "2", "--threads", "4", "--rate", "40", "--duration", "8s", "--warmup", "1s",
                "--fault-timeout", "30s").assertPassedWithEveryFile();

        String notice = ReplicationRig.SIMULATION_NOTICE;
        assertThat(run.out.lines().findFirst()).hasValue(notice);
        assertThat(Files.readAllLines(run.folder.resolve(RunReports.CSV)).get(0)).isEqualTo("# " + notice);
        String html = Files.readString(run.folder.resolve(RunReports.HTML));
        assertThat(html.substring(html.indexOf("<body>") + "<body>".length()))
                .startsWith("<p class=\"simulation\">" + notice + "</p>");
        assertThat(Files.readAllLines(run.folder.resolve(RunReports.SUMMARY)).get(1)).contains("\"simulation\"")
                .contains(notice);

        JsonNode summary = run.summary();
        assertThat(summary.at("/verdict/valid").asBoolean()).isTrue();
        assertThat(summary.at("/verdict/complete").asBoolean()).isTrue();
        JsonNode totals = summary.at("/totals");
        assertThat(totals.at("/faults").asLong()).as("several stalls per trial").isGreaterThanOrEqualTo(4);
        assertThat(totals.at("/reserveOk").asLong()).isPositive();
        assertThat(totals.at("/reserveConflict409").asLong()).as("contention makes 409 conflicts").isPositive();
        assertThat(totals.at("/cancelOk").asLong()).isPositive();
        assertThat(totals.at("/readOk").asLong()).isPositive();
        assertThat(totals.at("/overlapFraction").asDouble()).as("overlapping attempts in flight are common")
                .isGreaterThan(0.1);
        for (JsonNode trial : summary.at("/trials")) {
            assertThat(trial.at("/checks").findValuesAsText("checker")).containsExactly("no-lost-writes",
                    "store-invariants", "no-double-booking-over-time", "reads");
            assertThat(trial.at("/leftovers/read").asBoolean()).isTrue();
            assertThat(trial.at("/stuckClients").asInt()).isZero();
        }
        List<Op> history = HistoryFiles.read(run.folder.resolve(RunReports.HISTORY));
        assertThat(history).anyMatch(op -> op.is(OpType.OK, "stall-commit") && op.trial() == 2);
        assertThat(history).anyMatch(op -> op.is(OpType.OK, HistoryTerms.RESERVE) && "s1".equals(op.value().get(HistoryTerms.INSTANCE)));
        assertThat(history).anyMatch(op -> op.is(OpType.INFO, HistoryTerms.RESERVE) || op.is(OpType.INFO, HistoryTerms.CANCEL)
                || op.is(OpType.OK, HistoryTerms.RESERVE) && "true".equals(op.value().get("replayed")));
    }
}
