package dev.reservation.harness.workload;

import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.memory.InMemoryClusterInspector;
import dev.reservation.core.memory.InMemoryReservationStore;
import dev.reservation.core.memory.InMemoryRoomStore;
import dev.reservation.core.memory.InMemoryUserStore;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import java.time.Clock;

/**
 * The core's in-memory stores as a backend: for tests of the workload and the pipeline, never for
 * measuring a database. It has no raw collections ({@link #readRawState()} is empty). Thread-safe.
 */
public record InMemoryStoreBackend(UserStore users, RoomStore rooms, ReservationStore reservations,
                                   ClusterInspector cluster) implements StoreBackend {

    public static InMemoryStoreBackend create(Clock clock) {
        return new InMemoryStoreBackend(new InMemoryUserStore(), new InMemoryRoomStore(),
                new InMemoryReservationStore(), new InMemoryClusterInspector(clock));
    }

    @Override
    public void close() {
        // nothing to release
    }
}
