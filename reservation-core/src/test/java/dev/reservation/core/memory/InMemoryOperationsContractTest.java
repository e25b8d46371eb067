package dev.reservation.core.memory;

import dev.reservation.core.store.OperationsContractTest;
import dev.reservation.core.store.OpsStores;
import java.util.List;

/** The operations contract on the in-memory store; its two "instances" share one set of stores. */
class InMemoryOperationsContractTest extends OperationsContractTest {
    @Override
    protected List<OpsStores> newInstances() {
        OpsStores shared = new OpsStores(new InMemoryUserStore(), new InMemoryRoomStore(), new InMemoryReservationStore(),
                new InMemoryRoomOperationsStore(), new InMemoryQuotaStore(), new InMemoryQuotaCounters());
        return List.of(shared, shared);
    }
}
