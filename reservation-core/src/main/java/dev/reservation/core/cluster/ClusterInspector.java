package dev.reservation.core.cluster;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Port: the cluster behind the stores, seen from the application. Thread-safe.
 */
public interface ClusterInspector {

    /** The current topology; never throws for an unreachable cluster, it reports members as DOWN. */
    ClusterTopology topology();

    /**
     * Writes a marker with majority write concern and times, per other data-bearing member, how
     * long until the marker is readable there, waiting at most {@code timeout} per member.
     *
     * @throws dev.reservation.core.domain.StoreUnavailableException when the marker cannot be written
     */
    ReplicationReport checkReplication(Duration timeout);

    /**
     * Calls {@code listener} for every topology change from now on, on a background thread, until
     * the returned handle is closed.
     */
    AutoCloseable watch(Consumer<TopologyEvent> listener);
}
