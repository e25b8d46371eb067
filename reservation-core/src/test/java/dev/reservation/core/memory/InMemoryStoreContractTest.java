package dev.reservation.core.memory;

import dev.reservation.core.store.StoreContractTest;
import dev.reservation.core.store.StoreFixture;

class InMemoryStoreContractTest extends StoreContractTest {
    @Override
    protected StoreFixture newStores() {
        return new StoreFixture(new InMemoryUserStore(), new InMemoryRoomStore(), new InMemoryReservationStore());
    }
}
