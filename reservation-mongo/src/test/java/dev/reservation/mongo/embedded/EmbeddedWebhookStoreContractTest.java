package dev.reservation.mongo.embedded;

import dev.reservation.core.hooks.WebhookStore;
import dev.reservation.core.store.WebhookStoreContractTest;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.testing.InProcessMongo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook subscriptions through the embedded default (H2 file backend), a fresh database per test;
 * {@link #sameStoreAgain()} attaches a second client to the same server and database.
 */
class EmbeddedWebhookStoreContractTest extends WebhookStoreContractTest {
    @TempDir
    static Path dataDir;
    private static MongoStores owner;
    private final List<MongoStores> opened = new ArrayList<>();
    private String database;

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
        opened.forEach(MongoStores::close);
        opened.clear();
    }

    private MongoStores open() {
        MongoStores s = MongoStores.open(StoreOptions.embedded(dataDir).withDatabase(database));
        opened.add(s);
        return s;
    }

    @Override
    protected WebhookStore freshStore() {
        database = InProcessMongo.freshDatabase();
        return open().webhooks();
    }

    @Override
    protected WebhookStore sameStoreAgain() {
        return open().webhooks();
    }
}
