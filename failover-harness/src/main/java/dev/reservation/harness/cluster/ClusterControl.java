package dev.reservation.harness.cluster;

import java.time.Duration;
import java.util.List;

/**
 * A running cluster the harness measures: where clients connect, what the servers say about
 * themselves, and handles on members for the nemesis. Closing tears down whatever the harness started
 * (and nothing it merely attached to). Implementations are thread-safe.
 */
public interface ClusterControl extends AutoCloseable {
    ClusterKind kind();

    /** One line for reports: what this cluster is and how it was set up. */
    String description();

    /** The connection string the workload's stores use. */
    String clientUri();

    /** Every member's host:port, arbiters included. */
    List<String> members();

    /** What the servers say now; never throws: unreachable members are simply absent or unhealthy. */
    ServerView view();

    /**
     * The handle to stop, freeze or start {@code host}.
     *
     * @throws UnsupportedFaultException when this cluster cannot control that member's process
     */
    MemberHandle member(String host);

    /**
     * Asks {@code primary} to step down for {@code period} ({@code replSetStepDown}).
     *
     * @throws UnsupportedFaultException on a single node
     */
    void stepDown(String primary, Duration period);

    /** Data-bearing members (the ones worth killing as "the secondary"); arbiters excluded. */
    List<String> dataMembers();

    /**
     * Writes a probe document on the primary with majority write concern; true when acknowledged.
     * Used to find when a single node takes writes again.
     */
    boolean probeWrite();

    /**
     * Waits until every write applied so far is majority-committed (or rolled back), so that a majority
     * read of the final state cannot miss a write that commits later. By default: until a majority
     * probe write is acknowledged (it commits only after everything before it).
     *
     * @return false when that did not happen within {@code limit}
     */
    default boolean awaitReplicated(Duration limit) {
        return Waits.until(System::nanoTime, limit, Duration.ofMillis(100),
                () -> probeWrite() ? java.util.Optional.of(true) : java.util.Optional.empty()).isPresent();
    }

    @Override
    void close();
}
