package dev.reservation.mongo;

import dev.reservation.core.store.SeriesContractTest;
import dev.reservation.core.store.SeriesStores;
import dev.reservation.mongo.testing.InProcessMongo;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The series contract on the Mongo store over the in-process wire server: the two instances are two
 * store objects with their own MongoClients on one fresh database, as two app instances are.
 */
class MongoSeriesContractTest extends SeriesContractTest {
    private static InProcessMongo mongo;

    @BeforeAll
    static void startServer() {
        mongo = new InProcessMongo();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    static SeriesStores of(MongoStores s) {
        return new SeriesStores(s.users(), s.rooms(), s.reservations(), s.series());
    }

    @Override
    protected List<SeriesStores> newInstances() {
        String db = InProcessMongo.freshDatabase();
        return List.of(of(mongo.open(db, Clock.systemUTC())), of(mongo.open(db, Clock.systemUTC())));
    }

    @AfterEach
    void closeStores() {
        mongo.closeStores();
    }
}
