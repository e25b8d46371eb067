package dev.reservation.core.memory;

import dev.reservation.core.store.SeriesContractTest;
import dev.reservation.core.store.SeriesStores;
import java.util.List;

/** The series contract on the in-memory stores; its two "instances" share one set of stores. */
class InMemorySeriesContractTest extends SeriesContractTest {
    @Override
    protected List<SeriesStores> newInstances() {
        SeriesStores shared = new SeriesStores(new InMemoryUserStore(), new InMemoryRoomStore(),
                new InMemoryReservationStore(), new InMemorySeriesStore());
        return List.of(shared, shared);
    }
}
