package dev.reservation.harness.workload;

import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import dev.reservation.mongo.audit.StoredState;
import java.time.Clock;
import java.util.Optional;

/**
 * The store ports the workload talks through, opened against one cluster as one app server would (its
 * own client and clock), and closed when the run ends. Implementations are thread-safe (the ports are).
 */
public interface StoreBackend extends AutoCloseable {
    UserStore users();

    RoomStore rooms();

    ReservationStore reservations();

    ClusterInspector cluster();

    /**
     * The committed state as the raw collections hold it (reservation documents, tombstones and
     * room-day claims), read with a client of its own, NOT through the store under test, from the
     * primary at majority read concern. Empty for a backend without such collections (the core's
     * in-memory store, a test double): its final state is then read through the store's port and only
     * the double-booking check runs on it.
     *
     * @throws dev.reservation.core.domain.StoreUnavailableException when it cannot be read now
     */
    default Optional<StoredState> readRawState() {
        return Optional.empty();
    }

    @Override
    void close();

    /** Opens store instances against a cluster's client connection string. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param clock the instance's own clock (claims' and tombstones' stamps, the service's "now"),
         *              possibly skewed from the others'
         */
        StoreBackend open(String uri, Clock clock);

        /** The client settings that shape what clients observe (write concern, timeouts), for reports. */
        default String description() {
            return "store client settings not described";
        }
    }
}
