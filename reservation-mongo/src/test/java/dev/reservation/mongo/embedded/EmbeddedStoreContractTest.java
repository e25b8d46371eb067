package dev.reservation.mongo.embedded;

import dev.reservation.core.store.StoreContractTest;
import dev.reservation.core.store.StoreFixture;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.testing.InProcessMongo;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract through the embedded default (H2 MVStore file backend, committing every
 * write): one owner per class, each test attaching with a fresh database.
 */
class EmbeddedStoreContractTest extends StoreContractTest {
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

    @Override
    protected StoreFixture newStores() {
        current = MongoStores.open(StoreOptions.embedded(dataDir).withDatabase(InProcessMongo.freshDatabase()));
        return new StoreFixture(current.users(), current.rooms(), current.reservations());
    }

    @AfterEach
    void closeStores() {
        current.close();
    }
}
