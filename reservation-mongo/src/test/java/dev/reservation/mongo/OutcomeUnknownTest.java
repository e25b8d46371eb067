package dev.reservation.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.store.ContractData;
import dev.reservation.mongo.testing.InProcessMongo;
import dev.reservation.mongo.testing.SwallowingProxy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A write that reaches the server whose reply never comes back is reported as outcome unknown,
 * never as failed, and indeed it was applied.
 */
class OutcomeUnknownTest {
    private final InProcessMongo mongo = new InProcessMongo();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aWriteWhoseReplyIsLostIsOutcomeUnknownAndMayWellHaveLanded() throws Exception {
        int serverPort = URI.create(mongo.uri().replace("mongodb://", "tcp://")).getPort();
        String db = InProcessMongo.freshDatabase();
        try (SwallowingProxy proxy = new SwallowingProxy(serverPort);
             MongoStores throughProxy = MongoStores.open(StoreOptions.uri("mongodb://127.0.0.1:" + proxy.port())
                     .withDatabase(db).withWriteTimeout(Duration.ofMillis(500)).withPrimaryWait(Duration.ofSeconds(2)))) {
            throughProxy.users().insert(ContractData.user("u1", "ada@example.com"));
            proxy.swallowReplies();

            assertThatThrownBy(() -> throughProxy.users().insert(ContractData.user("u2", "grace@example.com")))
                    .isInstanceOf(WriteOutcomeUnknownException.class)
                    .hasMessageContaining("outcome is unknown");
        }
        MongoStores direct = mongo.open(db, java.time.Clock.systemUTC());
        assertThat(direct.users().findById("u2")).as("the unacknowledged write landed").isPresent();
    }
}
