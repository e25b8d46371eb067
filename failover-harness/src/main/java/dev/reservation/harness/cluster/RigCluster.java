package dev.reservation.harness.cluster;

import dev.reservation.core.cluster.MemberState;
import dev.reservation.rig.ReplicationRig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The replication rig as a cluster: a SIMULATION of a PSA replica set ({@link ReplicationRig}: three
 * loopback ports speaking the wire protocol to the real driver, two in-process backends for the
 * applied and the majority-committed state) started inside the harness's JVM. Its view comes from the
 * rig itself: member 0 is PRIMARY unless a simulated failover is under way, member 1 (the secondary) is
 * DOWN while the commit point is stalled, member 2 is the arbiter; optimes are the rig's log
 * timestamps. Its faults are the rig's ({@code stall-commit}, {@code failover-rollback}, {@code errors},
 * {@code lag}), injected by {@link dev.reservation.harness.nemesis.RigNemesis}; it has no processes to
 * kill. Thread-safe.
 */
public final class RigCluster implements ClusterControl {
    private final ReplicationRig rig;
    private final MemberClients admin = new MemberClients();
    private final AtomicLong term = new AtomicLong(1);
    private volatile boolean stalled;

    RigCluster(ReplicationRig rig) {
        this.rig = rig;
    }

    /** Starts a rig (set {@code rig0}, the system clock as its server clock). */
    public static RigCluster start() {
        return new RigCluster(ReplicationRig.start("rig0", Clock.systemUTC()));
    }

    /** The rig, for the rig nemesis's fail points and lag. */
    public ReplicationRig rig() {
        return rig;
    }

    /** The secondary goes down: nothing more commits. */
    public void stallCommitPoint() {
        rig.stallCommitPoint();
        stalled = true;
    }

    public void resumeCommitPoint() {
        rig.resumeCommitPoint();
        stalled = false;
    }

    public boolean stalled() {
        return stalled;
    }

    /** A simulated failover: no primary for {@code window}, then the uncommitted suffix is rolled back. */
    public ReplicationRig.Rollback failover(Duration window, boolean crash) {
        ReplicationRig.Rollback rollback = rig.failover(window, crash);
        term.incrementAndGet();
        return rollback;
    }

    public long term() {
        return term.get();
    }

    @Override
    public ClusterKind kind() {
        return ClusterKind.RIG_PSA;
    }

    @Override
    public String description() {
        return "replication rig (a SIMULATION of a PSA replica set, in the harness's JVM) set " + rig.setName()
                + ": primary " + rig.host(0) + ", secondary " + rig.host(1) + ", arbiter " + rig.host(2);
    }

    @Override
    public String clientUri() {
        return rig.connectionString();
    }

    @Override
    public List<String> members() {
        return List.of(rig.host(0), rig.host(1), rig.host(2));
    }

    @Override
    public List<String> dataMembers() {
        return List.of(rig.host(0), rig.host(1));
    }

    @Override
    public ServerView view() {
        boolean primary = rig.hasPrimary();
        boolean down = stalled;
        List<ServerView.Member> members = List.of(
                new ServerView.Member(rig.host(0), primary ? MemberState.PRIMARY : MemberState.SECONDARY, true,
                        rig.appliedTs()),
                new ServerView.Member(rig.host(1), down ? MemberState.DOWN : MemberState.SECONDARY, !down,
                        down ? 0 : rig.committedTs()),
                new ServerView.Member(rig.host(2), MemberState.ARBITER, true, 0));
        return new ServerView(primary ? Optional.of(rig.host(0)) : Optional.empty(), term.get(), members,
                Optional.empty(), rig.host(0));
    }

    @Override
    public MemberHandle member(String host) {
        throw new UnsupportedFaultException("the replication rig has no member processes; its faults are "
                + "stall-commit, failover-rollback, errors, lag and mixed");
    }

    @Override
    public void stepDown(String primary, Duration period) {
        throw new UnsupportedFaultException("the replication rig simulates failover with --fault failover-rollback");
    }

    @Override
    public boolean probeWrite() {
        if (!rig.hasPrimary()) {
            return false;
        }
        try {
            admin.probeWrite(rig.host(0));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean awaitReplicated(Duration limit) {
        return rig.awaitReplicated(limit);
    }

    @Override
    public void close() {
        admin.close();
        rig.close();
    }
}
