package dev.reservation.cli;

import dev.reservation.cli.store.StoreFactory;

/** The command scenarios against the core's in-memory store, shared across the runs of one test. */
class InMemoryCommandsTest extends ReservationScenarios {
    @Override
    protected StoreFactory newStores() {
        return new TestStores();
    }
}
