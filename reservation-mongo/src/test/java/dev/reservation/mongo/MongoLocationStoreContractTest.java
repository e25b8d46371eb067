package dev.reservation.mongo;

import dev.reservation.core.store.LocationStore;
import dev.reservation.core.store.LocationStoreContractTest;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import dev.reservation.mongo.testing.InProcessMongo;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Locations, rooms' links to them and users' zones on the Mongo store (in-process wire server). */
class MongoLocationStoreContractTest extends LocationStoreContractTest {
    private static InProcessMongo mongo;
    private MongoStores stores;

    @BeforeAll
    static void start() {
        mongo = new InProcessMongo();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @AfterEach
    void closeStores() {
        mongo.closeStores();
    }

    @Override
    protected LocationStore newLocationStore() {
        stores = mongo.open(InProcessMongo.freshDatabase(), Clock.systemUTC());
        return stores.locations();
    }

    @Override
    protected RoomStore roomStore() {
        return stores.rooms();
    }

    @Override
    protected UserStore userStore() {
        return stores.users();
    }
}
