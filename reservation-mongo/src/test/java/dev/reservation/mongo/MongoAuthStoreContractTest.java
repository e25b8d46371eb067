package dev.reservation.mongo;

import dev.reservation.core.auth.SessionStore;
import dev.reservation.core.auth.SignInAttemptStore;
import dev.reservation.core.store.AuthStoreContractTest;
import dev.reservation.mongo.testing.InProcessMongo;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Sessions and sign-in counters on the Mongo store (in-process wire server); a second client stands in for a second instance. */
class MongoAuthStoreContractTest extends AuthStoreContractTest {
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
    protected SessionStore newSessionStore() {
        database = InProcessMongo.freshDatabase();
        return mongo.open(database, Clock.systemUTC()).sessions();
    }

    @Override
    protected SignInAttemptStore newAttemptStore() {
        return mongo.open(database, Clock.systemUTC()).signInAttempts();
    }

    @Override
    protected SignInAttemptStore sameStoreAgain() {
        return mongo.open(database, Clock.systemUTC()).signInAttempts();
    }
}
