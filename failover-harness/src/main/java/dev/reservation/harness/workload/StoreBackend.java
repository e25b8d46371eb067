package dev.reservation.harness.workload;

import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;

/**
 * The store ports the workload talks through, opened against one cluster, and closed when the run ends.
 * Implementations are thread-safe (the ports are).
 */
public interface StoreBackend extends AutoCloseable {
    UserStore users();

    RoomStore rooms();

    ReservationStore reservations();

    ClusterInspector cluster();

    @Override
    void close();

    /** Opens the stores against a cluster's client connection string. */
    @FunctionalInterface
    interface Factory {
        StoreBackend open(String uri);

        /** The client settings that shape what clients observe (write concern, timeouts), for reports. */
        default String description() {
            return "store client settings not described";
        }
    }
}
