package dev.reservation.mongo.replication;

import static org.assertj.core.api.Assertions.assertThat;
import dev.reservation.core.store.SeriesContractTest;
import dev.reservation.core.store.SeriesStores;
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
 * The series contract on the replication rig (a SIMULATION of a PSA replica set) whose commit point
 * lags by 1–10 ms per write: two store instances (own clients) on one fresh database per test, so the
 * all-or-nothing decision, the HELD → CONFIRMED compare-and-sets and the rollback's fences are each
 * acknowledged only once committed. A smaller lag than the operations contract's: a series makes
 * dozens of writes.
 */
class RigSeriesContractTest extends SeriesContractTest {
    private static ReplicationRig rig;
    private final List<MongoStores> opened = new ArrayList<>();

    @BeforeAll
    static void startRig() {
        rig = ReplicationRig.start();
        rig.lag(Duration.ofMillis(1), Duration.ofMillis(10));
    }

    @AfterAll
    static void stopRig() {
        rig.close();
        assertThat(rig.divergences()).isZero();
    }

    @Override
    protected List<SeriesStores> newInstances() {
        String db = InProcessMongo.freshDatabase();
        List<SeriesStores> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            MongoStores s = MongoStores.open(StoreOptions.uri(rig.connectionString()).withDatabase(db)
                    .withWriteTimeout(Duration.ofSeconds(5)).withPrimaryWait(Duration.ofSeconds(5)));
            opened.add(s);
            out.add(new SeriesStores(s.users(), s.rooms(), s.reservations(), s.series()));
        }
        return out;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(MongoStores::close);
        opened.clear();
    }
}
