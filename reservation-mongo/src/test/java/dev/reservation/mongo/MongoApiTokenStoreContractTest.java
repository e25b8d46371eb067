package dev.reservation.mongo;

import dev.reservation.core.auth.ApiTokenStore;
import dev.reservation.core.auth.ApiTokenStoreContractTest;
import dev.reservation.mongo.testing.InProcessMongo;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** API tokens on the Mongo store (in-process wire server). */
class MongoApiTokenStoreContractTest extends ApiTokenStoreContractTest {
    private static InProcessMongo mongo;

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
    protected ApiTokenStore newStore() {
        return mongo.open(InProcessMongo.freshDatabase(), Clock.systemUTC()).apiTokens();
    }
}
