package dev.reservation.core.memory;

import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.cluster.MemberState;
import dev.reservation.core.cluster.MemberStatus;
import dev.reservation.core.cluster.ReplicationReport;
import dev.reservation.core.cluster.TopologyEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The "cluster" of the in-memory store: this process, always writable, never replicated. */
public final class InMemoryClusterInspector implements ClusterInspector {
    private final Clock clock;

    public InMemoryClusterInspector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ClusterTopology topology() {
        MemberStatus self = new MemberStatus("in-process", MemberState.IN_PROCESS, true,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        return new ClusterTopology(ClusterTopology.Kind.IN_MEMORY, Optional.empty(), List.of(self), clock.instant(),
                "in-process", "in-memory store in this process: no replication, data is lost when it stops");
    }

    @Override
    public ReplicationReport checkReplication(Duration timeout) {
        return new ReplicationReport(clock.instant(), Duration.ZERO, List.of(),
                "the in-memory store has no replicas to check");
    }

    @Override
    public AutoCloseable watch(Consumer<TopologyEvent> listener) {
        return () -> { };
    }
}
