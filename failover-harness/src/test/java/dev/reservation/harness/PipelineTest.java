package dev.reservation.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reservation.harness.history.HistoryFiles;
import dev.reservation.harness.history.MonotonicClock;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import dev.reservation.harness.sim.SimulatedCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole pipeline through the command line — workload, nemesis, history, checkers, reports — against
 * a simulated node (no server needed), so it runs everywhere; the same pipeline against real servers is
 * in {@code EmbeddedProcessEndToEndTest} and {@code ReplicaSetScenarioTest}.
 */
class PipelineTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(SimulatedCluster cluster, String... args) {
        HarnessWiring wiring = new HarnessWiring(options -> cluster, settings -> cluster.stores(),
                MonotonicClock.system(), Clock.systemUTC(), Map.of());
        CommandLine cli = HarnessMain.commandLine(wiring);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String[] args(Path folder, String fault) {
        return new String[] {"run", "--cluster", "embedded-process", "--fault", fault, "--trials", "2",
            "--threads", "3", "--rate", "60", "--duration", "2500ms", "--warmup", "800ms", "--down-time", "400ms",
            "--fault-timeout", "10s", "--out", folder.toString()};
    }

    @Test
    void runsEveryTrialChecksItAndWritesTheRunFolder() throws Exception {
        SimulatedCluster cluster = new SimulatedCluster(false, Clock.systemUTC());
        Path folder = dir.resolve("sim-kill");

        int exit = run(cluster, args(folder, "kill"));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(cluster.closed()).as("the cluster is torn down").isTrue();
        List<Op> history = HistoryFiles.read(folder.resolve(RunReports.HISTORY));
        assertThat(history).anyMatch(op -> op.process().equals("nemesis") && op.f().equals("kill") && op.trial() == 2);
        assertThat(history).anyMatch(op -> op.process().equals("nemesis") && op.f().equals("start"));
        assertThat(history).anyMatch(op -> op.type() == OpType.INFO);
        JsonNode summary = new ObjectMapper().readTree(folder.resolve(RunReports.SUMMARY).toFile());
        assertThat(summary.at("/verdict/valid").asBoolean()).isTrue();
        assertThat(summary.at("/trials")).hasSize(2);
        assertThat(summary.at("/trials/0/timing/electionMs").isNull()).as("a single node has no election").isTrue();
        assertThat(summary.at("/trials/0/timing/writableAgainMs").asDouble()).isPositive();
        assertThat(summary.at("/trials/0/timing/unavailabilityMs").asDouble()).isGreaterThan(300);
        assertThat(summary.at("/aggregate/unavailabilityMs/n").asInt()).isEqualTo(2);
        assertThat(Files.readAllLines(folder.resolve(RunReports.CSV))).hasSize(3);
        assertThat(Files.readString(folder.resolve(RunReports.HTML))).contains("<svg").contains("PASS");
        assertThat(out.toString()).contains("trial 1/2").contains("trial 2/2").contains("PASSED");
    }

    @Test
    void exitsWithOneAndNamesTheLostWriteWhenAnAcknowledgedBookingDisappears() throws Exception {
        SimulatedCluster cluster = new SimulatedCluster(true, Clock.systemUTC());
        Path folder = dir.resolve("sim-lossy");

        int exit = run(cluster, args(folder, "kill"));

        assertThat(exit).isEqualTo(RunResult.VIOLATION);
        assertThat(Files.readString(folder.resolve(RunReports.SUMMARY))).contains("lost write");
        assertThat(Files.readString(folder.resolve(RunReports.HTML))).contains("VIOLATIONS FOUND");
        assertThat(out.toString()).contains("VIOLATED");
    }

    @Test
    void refusesAFaultThatNeedsAReplicaSetOnASingleNode() {
        int exit = run(new SimulatedCluster(false, Clock.systemUTC()), args(dir.resolve("x"), "stepdown"));

        assertThat(exit).isEqualTo(RunResult.USAGE);
        assertThat(err.toString()).contains("--fault stepdown needs a replica set");
    }

    @Test
    void refusesToOverwriteAFolderThatHoldsARun() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(folder.resolve(RunReports.SUMMARY), "{}");

        int exit = run(new SimulatedCluster(false, Clock.systemUTC()), args(folder, "kill"));

        assertThat(exit).isEqualTo(RunResult.USAGE);
        assertThat(err.toString()).contains("already holds a run");
    }

    @Test
    void reportsTheStateTheRigBugLeavesAsAFailedStoreInvariantCheckNamingTheReservations() throws Exception {
        SimulatedCluster cluster = new SimulatedCluster(false, Clock.systemUTC(), true);
        Path folder = dir.resolve("sim-rig-bug");

        int exit = run(cluster, args(folder, "kill"));

        assertThat(exit).as(out.toString()).isEqualTo(RunResult.VIOLATION);
        JsonNode summary = new ObjectMapper().readTree(folder.resolve(RunReports.SUMMARY).toFile());
        assertThat(summary.at("/verdict/valid").asBoolean()).isFalse();
        assertThat(summary.at("/trials/0/checks/1/checker").asText()).isEqualTo("store-invariants");
        assertThat(summary.at("/trials/0/checks/1/valid").asBoolean()).isFalse();
        String violations = summary.at("/verdict/violations").toString();
        assertThat(violations).contains("store-invariants: double booking in room").contains("holds no claim in bucket")
                .contains("rig-bug-twin-");
        String html = Files.readString(folder.resolve(RunReports.HTML));
        assertThat(html).contains("VIOLATIONS FOUND").contains("Reservations involved").contains("holds no claim");
        assertThat(out.toString()).contains("store-invariants: double booking");
    }

    @Test
    void countsConflictsApartFromFailuresAndTheChecksAgreeWithTheTrialsTable() throws Exception {
        SimulatedCluster cluster = new SimulatedCluster(false, Clock.systemUTC());
        Path folder = dir.resolve("sim-counts");

        assertThat(run(cluster, args(folder, "kill"))).as(err.toString()).isZero();

        JsonNode trial = new ObjectMapper().readTree(folder.resolve(RunReports.SUMMARY).toFile()).at("/trials/0");
        JsonNode lostWrites = trial.at("/checks/0/counts");
        assertThat(trial.at("/checks/0/checker").asText()).isEqualTo("no-lost-writes");
        assertThat(lostWrites.at("/ok").asLong()).isEqualTo(trial.at("/ops/reserveOk").asLong()).isPositive();
        assertThat(lostWrites.at("/conflict").asLong()).isEqualTo(trial.at("/ops/reserveConflict").asLong()).isPositive();
        assertThat(lostWrites.at("/failed").asLong()).isEqualTo(trial.at("/ops/reserveFail").asLong());
        assertThat(lostWrites.at("/unknown").asLong()).isEqualTo(trial.at("/ops/reserveUnknown").asLong());
        assertThat(lostWrites.at("/cancelOk").asLong()).isEqualTo(trial.at("/ops/cancelOk").asLong()).isPositive();
        assertThat(trial.at("/contention/attempts").asLong()).isPositive();
        assertThat(trial.at("/checks").findValuesAsText("checker")).containsExactly("no-lost-writes",
                "no-double-booking", "no-double-booking-over-time", "reads");
    }

    @Test
    void refusesAProcessFaultOnTheRigAndARigFaultElsewhere() {
        int onRig = run(new SimulatedCluster(false, Clock.systemUTC()), "run", "--cluster", "rig-psa", "--fault", "kill",
                "--out", dir.resolve("y").toString());
        assertThat(onRig).isEqualTo(RunResult.USAGE);
        assertThat(err.toString()).contains("--cluster rig-psa injects the rig's faults");

        int elsewhere = run(new SimulatedCluster(false, Clock.systemUTC()), args(dir.resolve("z"), "stall-commit"));
        assertThat(elsewhere).isEqualTo(RunResult.USAGE);
        assertThat(err.toString()).contains("use it with --cluster rig-psa");
    }

    @Test
    void describesEveryOptionOfRunWithItsDefault() {
        CommandLine cli = HarnessMain.commandLine(new HarnessWiring(options -> null, settings -> null,
                MonotonicClock.system(), Clock.systemUTC(), Map.of()));
        CommandLine.Model.CommandSpec run = cli.getSubcommands().get("run").getCommandSpec();

        assertThat(run.options()).hasSizeGreaterThan(30).allSatisfy(o -> {
            String description = String.join(" ", o.description());
            assertThat(description).as(o.longestName()).isNotBlank();
            if (!o.usageHelp() && !o.versionHelp()) {
                assertThat(description).as(o.longestName() + " says its default").contains("default");
            }
        });
        StringWriter help = new StringWriter();
        cli.getSubcommands().get("run").usage(new PrintWriter(help));
        assertThat(help.toString()).contains("(default: 30s)").contains("(default: contention)")
                .contains("300ms on rig-psa").doesNotContain("${DEFAULT-VALUE}").doesNotContain("default: null");
    }
}
