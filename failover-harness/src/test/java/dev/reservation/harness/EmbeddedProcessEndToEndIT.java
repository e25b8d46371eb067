package dev.reservation.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.harness.cluster.EmbeddedProcessLauncher;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.HistoryFiles;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline end to end against something real: the launcher starts reservation-mongo's
 * embedded server as a separate OS process, the workload books through the real Mongo store, the
 * nemesis restarts or kill -9s that process, and the checkers and reports run over what happened.
 * Single node: no election; what is measured is "writable again". 2 trials × 8 s per fault.
 */
class EmbeddedProcessEndToEndIT {
    @TempDir
    Path dir;

    @BeforeEach
    void needsTheEmbeddedServer() {
        Assumptions.assumeTrue(EmbeddedProcessLauncher.available(),
                "needs reservation-mongo's EmbeddedServerMain on the class path");
    }

    private static final String[] SHORT = {"--cluster", "embedded-process", "--trials", "2", "--threads", "3",
        "--rate", "30", "--duration", "8s", "--warmup", "2s", "--down-time", "1s", "--fault-timeout", "30s"};

    private static String[] with(String fault) {
        String[] args = java.util.Arrays.copyOf(SHORT, SHORT.length + 2);
        args[SHORT.length] = "--fault";
        args[SHORT.length + 1] = fault;
        return args;
    }

    @Test
    void survivesACleanRestartOfTheServerProcessWithNothingLost() throws Exception {
        RunFolder run = RunFolder.run(dir.resolve("restart"), with("restart")).assertPassedWithEveryFile();

        assertEveryTrialWasFaultedHealedAndWritableAgain(run, "restart");
    }

    @Test
    void survivesAKillMinusNineOfTheServerProcessWithNothingLost() throws Exception {
        RunFolder run = RunFolder.run(dir.resolve("kill"), with("kill")).assertPassedWithEveryFile();

        assertEveryTrialWasFaultedHealedAndWritableAgain(run, "kill");
        JsonNode summary = run.summary();
        assertThat(summary.at("/trials/0/checks/0/counts/ok").asLong()).as("bookings acknowledged").isPositive();
        assertThat(summary.at("/run/notes/0").asText()).contains("no election");
    }

    private static void assertEveryTrialWasFaultedHealedAndWritableAgain(RunFolder run, String fault) throws Exception {
        List<Op> history = HistoryFiles.read(run.folder.resolve(RunReports.HISTORY));
        for (int trial = 1; trial <= 2; trial++) {
            int t = trial;
            assertThat(history).as("trial %d fault", t).anyMatch(op -> op.trial() == t && op.process().equals("nemesis")
                    && op.f().equals(fault) && op.type() == OpType.OK);
            assertThat(history).as("trial %d heal", t).anyMatch(op -> op.trial() == t && op.process().equals("nemesis")
                    && op.f().equals("start") && op.type() == OpType.OK);
            assertThat(history).as("trial %d writable again", t).anyMatch(op -> op.trial() == t
                    && op.is(OpType.EVENT, HistoryTerms.WRITABLE_AGAIN) && HistoryTerms.SOURCE_POLL.equals(op.value().get(HistoryTerms.SOURCE)));
        }
        assertThat(history).as("a single node is never elected").noneMatch(op -> op.is(OpType.EVENT, HistoryTerms.PRIMARY_ELECTED));
        JsonNode summary = run.summary();
        assertThat(summary.at("/verdict/valid").asBoolean()).isTrue();
        assertThat(summary.at("/trials")).hasSize(2);
        assertThat(summary.at("/aggregate/writableAgainMs/n").asInt()).isEqualTo(2);
        assertThat(summary.at("/aggregate/electionMs/n").asInt()).as("no election on a single node").isZero();
        assertThat(run.out).contains("trial 2/2").contains("PASSED");
    }
}
