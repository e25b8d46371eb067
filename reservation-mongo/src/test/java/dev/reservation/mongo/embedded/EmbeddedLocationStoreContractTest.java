package dev.reservation.mongo.embedded;

import dev.reservation.core.store.LocationStore;
import dev.reservation.core.store.LocationStoreContractTest;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.testing.InProcessMongo;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The location contract through the embedded default (H2 file backend), a fresh database per test. */
class EmbeddedLocationStoreContractTest extends LocationStoreContractTest {
    @TempDir
    static Path dataDir;
    private static MongoStores owner;
    private MongoStores current;

    @BeforeAll
    static void startOwner() {
        owner = MongoStores.open(StoreOptions.embedded(dataDir));
    }

    @AfterAll
    static void stopOwner() {
        owner.close();
    }

    @AfterEach
    void closeStores() {
        current.close();
    }

    @Override
    protected LocationStore newLocationStore() {
        current = MongoStores.open(StoreOptions.embedded(dataDir).withDatabase(InProcessMongo.freshDatabase()));
        return current.locations();
    }

    @Override
    protected RoomStore roomStore() {
        return current.rooms();
    }

    @Override
    protected UserStore userStore() {
        return current.users();
    }
}
