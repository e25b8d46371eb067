package dev.reservation.mongo.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.notify.FeedTokenStore;
import dev.reservation.core.notify.NotificationPrefsStore;
import dev.reservation.core.notify.OutboxStore;
import dev.reservation.core.notify.ReservationChanges;
import dev.reservation.core.store.NotifyStoreContractTest;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.testing.InProcessMongo;
import dev.reservation.rig.ReplicationRig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The outbox contract on the replication rig (a SIMULATION of a PSA replica set) whose commit point
 * lags by 1–20 ms per write: leases, marks and the two racing drainers with majority writes and reads.
 */
class RigNotifyStoreContractTest extends NotifyStoreContractTest {
    private static ReplicationRig rig;
    private final List<MongoStores> opened = new ArrayList<>();
    private String database;
    private MongoStores stores;

    @BeforeAll
    static void startRig() {
        rig = ReplicationRig.start();
        rig.lag(Duration.ofMillis(1), Duration.ofMillis(20));
    }

    @AfterAll
    static void stopRig() {
        rig.close();
        assertThat(rig.divergences()).isZero();
    }

    private MongoStores open() {
        MongoStores s = MongoStores.open(StoreOptions.uri(rig.connectionString()).withDatabase(database)
                .withWriteTimeout(Duration.ofSeconds(5)).withPrimaryWait(Duration.ofSeconds(5)));
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

    @AfterEach
    void closeStores() {
        opened.forEach(MongoStores::close);
        opened.clear();
    }
}
