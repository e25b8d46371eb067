package dev.reservation.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.harness.cluster.ContainerReplicaSetLauncher;
import dev.reservation.harness.cluster.MongodBinary;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PSA and PSS scenarios against real replica sets: mongod processes (needs {@code mongod} via
 * {@code MONGOD_BIN} or the PATH) or containers (needs Docker). Elections are shortened
 * (election timeout 2 s, heartbeats 500 ms) to keep each scenario near half a minute. Each skips,
 * saying what it needs, where that is absent.
 */
class ReplicaSetScenarioIT {
    private static final String[] FAST_ELECTIONS = {"--election-timeout-ms", "2000", "--heartbeat-interval-ms", "500",
        "--trials", "1", "--threads", "4", "--rate", "40", "--duration", "25s", "--warmup", "4s", "--down-time", "6s",
        "--fault-timeout", "60s", "--primary-wait", "5s", "--write-timeout", "3s"};

    @TempDir
    Path dir;

    private static void needsMongod() {
        Assumptions.assumeTrue(MongodBinary.find(Optional.empty(), System.getenv()).isPresent(),
                "needs a mongod binary: set MONGOD_BIN or put mongod on the PATH");
    }

    private RunFolder run(String cluster, String fault) {
        String[] args = new String[FAST_ELECTIONS.length + 4];
        System.arraycopy(FAST_ELECTIONS, 0, args, 0, FAST_ELECTIONS.length);
        args[FAST_ELECTIONS.length] = "--cluster";
        args[FAST_ELECTIONS.length + 1] = cluster;
        args[FAST_ELECTIONS.length + 2] = "--fault";
        args[FAST_ELECTIONS.length + 3] = fault;
        return RunFolder.run(dir.resolve(cluster + "-" + fault), args);
    }

    @Test
    void psaElectsTheSecondaryAfterKillMinusNineOfThePrimaryAndLosesNothing() throws Exception {
        needsMongod();
        JsonNode trial = run("local-psa", "kill").assertPassedWithEveryFile().summary().at("/trials/0/timing");

        assertThat(trial.at("/electionMs").isNumber()).as("an election was observed").isTrue();
        assertThat(trial.at("/electionSource").asText()).isEqualTo("server");
        assertThat(trial.at("/catchUpMs").isNumber()).as("the killed member caught up after restart").isTrue();
    }

    @Test
    void psaStallsMajorityWritesWhileTheSecondaryIsDownAndResumesAfter() throws Exception {
        needsMongod();
        JsonNode trial = run("local-psa", "kill-secondary").assertPassedWithEveryFile().summary().at("/trials/0/timing");

        assertThat(trial.at("/electionMs").isNull()).as("no election for a secondary").isTrue();
        assertThat(trial.at("/unavailabilityMs").asDouble()).as("writes stalled about the down time").isGreaterThan(3000);
    }

    @Test
    void psaStepDownElectsANewPrimaryWithoutKillingAnything() throws Exception {
        needsMongod();
        JsonNode trial = run("local-psa", "stepdown").assertPassedWithEveryFile().summary().at("/trials/0/timing");

        assertThat(trial.at("/electionMs").isNumber()).isTrue();
    }

    @Test
    void pssKeepsMajorityWritesThroughAFrozenPrimary() throws Exception {
        needsMongod();
        JsonNode trial = run("local-pss", "freeze").assertPassedWithEveryFile().summary().at("/trials/0/timing");

        assertThat(trial.at("/electionMs").isNumber()).isTrue();
        assertThat(trial.at("/catchUpMs").isNumber()).as("the thawed member rejoined as secondary").isTrue();
    }

    @Test
    void pssSurvivesACleanShutdownOfThePrimary() throws Exception {
        needsMongod();
        run("local-pss", "shutdown").assertPassedWithEveryFile();
    }

    @Test
    void containerPsaElectsTheSecondaryAfterKillMinusNineOfThePrimary() throws Exception {
        Assumptions.assumeTrue(ContainerReplicaSetLauncher.dockerAvailable(),
                "needs a Docker daemon that Testcontainers can reach (and the mongo:7.0 image or network to pull it)");
        JsonNode trial = run("containers", "kill").assertPassedWithEveryFile().summary().at("/trials/0/timing");

        assertThat(trial.at("/electionMs").isNumber()).isTrue();
    }
}
