package dev.reservation.core.memory;

import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.StorePropertyTest;

/** The reference-model property on the in-memory store: many long sequences (it is fast). */
class InMemoryStorePropertyTest extends StorePropertyTest {
    @Override
    protected ReservationStore newStore() {
        return new InMemoryReservationStore();
    }

    @Override
    protected int examples() {
        return 300;
    }

    @Override
    protected int maxOperations() {
        return 120;
    }
}
