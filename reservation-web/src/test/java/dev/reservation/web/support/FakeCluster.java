package dev.reservation.web.support;

import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.cluster.MemberState;
import dev.reservation.core.cluster.MemberStatus;
import dev.reservation.core.cluster.ReplicationReport;
import dev.reservation.core.cluster.TopologyEvent;
import dev.reservation.core.memory.InMemoryClusterInspector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** A cluster view tests can set: in-memory by default, or a replica set with or without a primary. */
public final class FakeCluster implements ClusterInspector {
    private final Clock clock;
    private final AtomicReference<ClusterTopology> override = new AtomicReference<>();

    public FakeCluster(Clock clock) {
        this.clock = clock;
    }

    public void replicaSet(boolean withPrimary) {
        Instant now = clock.instant();
        MemberStatus a = new MemberStatus("db1:27017", withPrimary ? MemberState.PRIMARY : MemberState.SECONDARY,
                true, Optional.of(now.minusSeconds(1)), Optional.of(now), Optional.of(Duration.ZERO),
                Optional.of(Duration.ofMillis(2)));
        MemberStatus b = new MemberStatus("db2:27017", withPrimary ? MemberState.SECONDARY : MemberState.DOWN,
                withPrimary, Optional.of(now.minusSeconds(3)), Optional.of(now.minusMillis(40)),
                Optional.of(Duration.ofMillis(40)), Optional.of(Duration.ofMillis(3)));
        MemberStatus c = new MemberStatus("db3:27017", MemberState.ARBITER, true, Optional.of(now.minusSeconds(2)),
                Optional.empty(), Optional.empty(), Optional.of(Duration.ofMillis(1)));
        override.set(new ClusterTopology(ClusterTopology.Kind.REPLICA_SET, Optional.of("rs0"), List.of(a, b, c), now,
                "test", withPrimary ? "primary db1:27017" : "no primary: election in progress"));
    }

    /** The embedded single-node server, as the Mongo adapter reports it. */
    public void embedded() {
        MemberStatus self = new MemberStatus("localhost:27018", MemberState.STANDALONE, true, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        override.set(new ClusterTopology(ClusterTopology.Kind.EMBEDDED, Optional.empty(), List.of(self),
                clock.instant(), "test", "embedded single-node server in ~/.reservation/data"));
    }

    public void reset() {
        override.set(null);
    }

    @Override
    public ClusterTopology topology() {
        ClusterTopology t = override.get();
        return t != null ? t : new InMemoryClusterInspector(clock).topology();
    }

    @Override
    public ReplicationReport checkReplication(Duration timeout) {
        return new InMemoryClusterInspector(clock).checkReplication(timeout);
    }

    @Override
    public AutoCloseable watch(Consumer<TopologyEvent> listener) {
        return () -> { };
    }
}
