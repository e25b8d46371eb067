package dev.reservation.mongo;

import dev.reservation.core.store.OperationsContractTest;
import dev.reservation.core.store.OpsStores;
import dev.reservation.mongo.testing.InProcessMongo;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The operations contract on the Mongo store over the in-process wire server: the two instances are
 * two store objects with their own MongoClients on one fresh database, as two app instances are.
 */
class MongoOperationsContractTest extends OperationsContractTest {
    private static InProcessMongo mongo;

    @BeforeAll
    static void startServer() {
        mongo = new InProcessMongo();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    static OpsStores of(MongoStores s) {
        return new OpsStores(s.users(), s.rooms(), s.reservations(), s.roomOperations(), s.quotas(), s.quotaCounters());
    }

    @Override
    protected List<OpsStores> newInstances() {
        String db = InProcessMongo.freshDatabase();
        return List.of(of(mongo.open(db, Clock.systemUTC())), of(mongo.open(db, Clock.systemUTC())));
    }

    @AfterEach
    void closeStores() {
        mongo.closeStores();
    }
}
