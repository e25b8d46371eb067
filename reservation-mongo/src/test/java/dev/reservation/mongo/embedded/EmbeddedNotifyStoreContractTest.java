package dev.reservation.mongo.embedded;

import dev.reservation.core.notify.FeedTokenStore;
import dev.reservation.core.notify.NotificationPrefsStore;
import dev.reservation.core.notify.OutboxStore;
import dev.reservation.core.notify.ReservationChanges;
import dev.reservation.core.store.NotifyStoreContractTest;
import dev.reservation.core.store.ReservationStore;
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
 * The outbox (leases, the head lease of in-order consumers, the delivery log), feed tokens,
 * preferences and change window through the embedded default (H2 file backend, its own indexes),
 * a fresh database per test; a second client on the same server and database stands in for a
 * second instance.
 */
class EmbeddedNotifyStoreContractTest extends NotifyStoreContractTest {
    @TempDir
    static Path dataDir;
    private static MongoStores owner;
    private final List<MongoStores> opened = new ArrayList<>();
    private String database;
    private MongoStores stores;

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
    protected void freshStore() {
        database = InProcessMongo.freshDatabase();
        stores = open();
    }

    @Override
    protected OutboxStore outbox() {
        return stores.outbox();
    }

    @Override
    protected OutboxStore sameOutboxAgain() {
        return open().outbox();
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
