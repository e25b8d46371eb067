package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reservation.cli.CliHarness.Result;
import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.cluster.MemberState;
import dev.reservation.core.cluster.MemberStatus;
import dev.reservation.core.cluster.ReplicationReport;
import dev.reservation.core.cluster.TopologyEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The cluster commands against a scripted three-member replica set. */
class ClusterWatchTest {
    private static final Instant T0 = Instant.parse("2030-01-07T08:00:00Z");
    private final ScriptedCluster cluster = new ScriptedCluster();
    private final CliHarness cli = new CliHarness(new TestStores().cluster(cluster));

    @Test
    void watchPrintsEveryTopologyChangeWithItsTimestampAndClosesTheWatch() {
        Result result = cli.run("cluster", "watch", "--for", "300ms");
        assertThat(result.exit()).isZero();
        assertThat(result.out().lines()).containsExactly(
                "watching: replica set rs0: 2 data members and an arbiter (Ctrl-C to stop)",
                "2030-01-07T08:00:01Z  PRIMARY_LOST  db1:27017  stepped down",
                "2030-01-07T08:00:04Z  PRIMARY_ELECTED  db2:27017  term 7");
        assertThat(cluster.closed).isTrue();
    }

    @Test
    void watchWithJsonPrintsOneJsonDocumentPerChange() throws Exception {
        List<String> lines = cli.run("--json", "cluster", "watch", "--for", "300ms").out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode elected = new ObjectMapper().readTree(lines.get(1));
        assertThat(elected.get("at").asText()).isEqualTo("2030-01-07T08:00:04Z");
        assertThat(elected.get("type").asText()).isEqualTo("PRIMARY_ELECTED");
        assertThat(elected.get("host").asText()).isEqualTo("db2:27017");
        assertThat(elected.get("detail").asText()).isEqualTo("term 7");
    }

    @Test
    void statusShowsEachMemberWithStateHealthAndLag() {
        Result status = cli.run("cluster", "status");
        assertThat(status.out()).contains("REPLICA_SET 'rs0'", "writable, primary db1:27017",
                "db2:27017  SECONDARY  ok      1.5 s", "db3:27017  ARBITER    DOWN");
        JsonNode json = cli.json("cluster", "status");
        assertThat(json.get("setName").asText()).isEqualTo("rs0");
        assertThat(json.get("members").get(1).get("replicationLagMillis").asLong()).isEqualTo(1500);
        assertThat(json.get("members").get(2).get("healthy").asBoolean()).isFalse();
    }

    @Test
    void checkReplicationReportsHowLongEachSecondaryTookOrWhy() {
        Result text = cli.run("cluster", "check-replication", "--timeout", "5s");
        assertThat(text.out()).contains("acknowledged by a majority after 12 ms", "db2:27017  SECONDARY   40 ms",
                "db4:27017  RECOVERING  -              not visible within 5 s");
        JsonNode json = cli.json("cluster", "check-replication");
        assertThat(json.get("majorityAcknowledgedAfterMillis").asLong()).isEqualTo(12);
        assertThat(json.get("members").get(0).get("visibleAfterMillis").asLong()).isEqualTo(40);
        assertThat(json.get("members").get(1).get("visibleAfterMillis").isNull()).isTrue();
        assertThat(json.get("members").get(1).get("error").asText()).isEqualTo("not visible within 10 s"); // the default --timeout
    }

    /** A replica set that reports fixed facts and emits two events as soon as it is watched. */
    private static final class ScriptedCluster implements ClusterInspector {
        volatile boolean closed;

        @Override
        public ClusterTopology topology() {
            return new ClusterTopology(ClusterTopology.Kind.REPLICA_SET, Optional.of("rs0"), List.of(
                    member("db1:27017", MemberState.PRIMARY, true, null),
                    member("db2:27017", MemberState.SECONDARY, true, Duration.ofMillis(1500)),
                    member("db3:27017", MemberState.ARBITER, false, null)),
                    T0, "replSetGetStatus", "replica set rs0: 2 data members and an arbiter");
        }

        private static MemberStatus member(String host, MemberState state, boolean healthy, Duration lag) {
            return new MemberStatus(host, state, healthy, Optional.of(T0), Optional.empty(), Optional.ofNullable(lag),
                    Optional.of(Duration.ofMillis(2)));
        }

        @Override
        public ReplicationReport checkReplication(Duration timeout) {
            return new ReplicationReport(T0, Duration.ofMillis(12), List.of(
                    new ReplicationReport.MemberResult("db2:27017", MemberState.SECONDARY,
                            Optional.of(Duration.ofMillis(40)), Optional.empty()),
                    new ReplicationReport.MemberResult("db4:27017", MemberState.RECOVERING, Optional.empty(),
                            Optional.of("not visible within " + timeout.toSeconds() + " s"))), "");
        }

        @Override
        public AutoCloseable watch(Consumer<TopologyEvent> listener) {
            AtomicBoolean open = new AtomicBoolean(true);
            Thread emitter = new Thread(() -> {
                listener.accept(new TopologyEvent(T0.plusSeconds(1), TopologyEvent.Type.PRIMARY_LOST, "db1:27017",
                        "stepped down"));
                listener.accept(new TopologyEvent(T0.plusSeconds(4), TopologyEvent.Type.PRIMARY_ELECTED, "db2:27017",
                        "term 7"));
            });
            emitter.start();
            return () -> {
                emitter.join();
                open.set(false);
                closed = true;
            };
        }
    }
}
