package dev.reservation.mongo.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.store.OperationsContractTest;
import dev.reservation.core.store.OpsStores;
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
 * The operations contract on the replication rig (a SIMULATION of a PSA replica set) whose commit
 * point lags by 1–50 ms per write: two store instances (own clients) on one fresh database per test,
 * every CAS and counter update acknowledged only once committed, every decision read at majority.
 */
class RigOperationsContractTest extends OperationsContractTest {
    private static ReplicationRig rig;
    private final List<MongoStores> opened = new ArrayList<>();

    @BeforeAll
    static void startRig() {
        rig = ReplicationRig.start();
        rig.lag(Duration.ofMillis(1), Duration.ofMillis(50));
    }

    @AfterAll
    static void stopRig() {
        rig.close();
        assertThat(rig.divergences()).isZero();
    }

    @Override
    protected List<OpsStores> newInstances() {
        String db = InProcessMongo.freshDatabase();
        List<OpsStores> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            MongoStores s = MongoStores.open(StoreOptions.uri(rig.connectionString()).withDatabase(db)
                    .withWriteTimeout(Duration.ofSeconds(5)).withPrimaryWait(Duration.ofSeconds(5)));
            opened.add(s);
            out.add(new OpsStores(s.users(), s.rooms(), s.reservations(), s.roomOperations(), s.quotas(),
                    s.quotaCounters()));
        }
        return out;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(MongoStores::close);
        opened.clear();
    }
}
