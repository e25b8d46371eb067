package dev.reservation.mongo.embedded;

import dev.reservation.core.auth.ApiTokenStore;
import dev.reservation.core.auth.ApiTokenStoreContractTest;
import dev.reservation.mongo.testing.InProcessMongo;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** API tokens through the embedded default (H2 file backend, Schema's indexes), a fresh database per test. */
class EmbeddedApiTokenStoreContractTest extends ApiTokenStoreContractTest {
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
    protected ApiTokenStore newStore() {
        current = MongoStores.open(StoreOptions.embedded(dataDir).withDatabase(InProcessMongo.freshDatabase()));
        return current.apiTokens();
    }
}
