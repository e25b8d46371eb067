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
        assertThat(summary.at("/trials/0/timing/electionSource").asText()).isEqualTo("poll");
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
}
