package dev.reservation.core.memory;

import dev.reservation.core.store.LocationStore;
import dev.reservation.core.store.LocationStoreContractTest;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;

class InMemoryLocationStoreContractTest extends LocationStoreContractTest {
    private RoomStore rooms;
    private UserStore users;

    @Override
    protected LocationStore newLocationStore() {
        rooms = new InMemoryRoomStore();
        users = new InMemoryUserStore();
        return new InMemoryLocationStore();
    }

    @Override
    protected RoomStore roomStore() {
        return rooms;
    }

    @Override
    protected UserStore userStore() {
        return users;
    }
}
