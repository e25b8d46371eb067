package dev.reservation.mongo;

import dev.reservation.core.store.StoreContractTest;
import dev.reservation.core.store.StoreFixture;
import dev.reservation.mongo.testing.InProcessMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The core's store contract against the Mongo store on the in-process wire server, a fresh database per test. */
class MongoStoreContractTest extends StoreContractTest {
    private static InProcessMongo mongo;

    @BeforeAll
    static void startServer() {
        mongo = new InProcessMongo();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @Override
    protected StoreFixture newStores() {
        MongoStores stores = mongo.open();
        return new StoreFixture(stores.users(), stores.rooms(), stores.reservations());
    }

    @AfterEach
    void closeStores() {
        mongo.closeStores();
    }
}
