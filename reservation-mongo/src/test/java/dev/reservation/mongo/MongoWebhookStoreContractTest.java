package dev.reservation.mongo;

import dev.reservation.core.hooks.WebhookStore;
import dev.reservation.core.store.WebhookStoreContractTest;
import dev.reservation.mongo.testing.InProcessMongo;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Webhook subscriptions on the Mongo store (in-process wire server); a second client stands in for a second instance. */
class MongoWebhookStoreContractTest extends WebhookStoreContractTest {
    private static InProcessMongo mongo;
    private String database;

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
    protected WebhookStore freshStore() {
        database = InProcessMongo.freshDatabase();
        return mongo.open(database, Clock.systemUTC()).webhooks();
    }

    @Override
    protected WebhookStore sameStoreAgain() {
        return mongo.open(database, Clock.systemUTC()).webhooks();
    }
}
