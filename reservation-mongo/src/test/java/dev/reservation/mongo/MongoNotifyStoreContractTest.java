package dev.reservation.mongo;

import dev.reservation.core.notify.FeedTokenStore;
import dev.reservation.core.notify.NotificationPrefsStore;
import dev.reservation.core.notify.OutboxStore;
import dev.reservation.core.notify.ReservationChanges;
import dev.reservation.core.store.NotifyStoreContractTest;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.mongo.testing.InProcessMongo;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The outbox, feed tokens, preferences and change window on the Mongo store; a second client stands in for a second instance. */
class MongoNotifyStoreContractTest extends NotifyStoreContractTest {
    private static InProcessMongo mongo;
    private String database;
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
    protected void freshStore() {
        database = InProcessMongo.freshDatabase();
        stores = mongo.open(database, Clock.systemUTC());
    }

    @Override
    protected OutboxStore outbox() {
        return stores.outbox();
    }

    @Override
    protected OutboxStore sameOutboxAgain() {
        return mongo.open(database, Clock.systemUTC()).outbox();
    }

    @Override
    protected FeedTokenStore feedTokens() {
        return stores.feedTokens();
    }

    @Override
    protected NotificationPrefsStore prefs() {
        return stores.notificationPrefs();
    }

    @Override
    protected ReservationStore reservations() {
        return stores.reservations();
    }

    @Override
    protected ReservationChanges changes() {
        return stores.reservationChanges();
    }
}
