package dev.reservation.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.cluster.TopologyEvent;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.store.ContractData;
import dev.reservation.mongo.testing.InProcessMongo;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real server going away: the store says "unavailable" (nothing applied), and the topology sees it. */
class StoreUnavailableTest {
    private final InProcessMongo mongo = new InProcessMongo();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void readsAndWritesAreUnavailableOnceTheServerIsGone() {
        MongoStores stores = mongo.open();
        stores.users().insert(ContractData.user("u1", "ada@example.com"));
        mongo.stopServer();

        assertThatThrownBy(() -> stores.users().findById("u1"))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("unavailable");
        assertThatThrownBy(() -> stores.reservations().book(ContractData.candidate("r1", "u1", ContractData.slot(0, 10, 0, 60))))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(stores.cluster().topology().writable()).isFalse();
    }

    @Test
    void openingAStoreWithNoServerIsUnavailableWithinThePrimaryWait() {
        StoreOptions nowhere = StoreOptions.uri("mongodb://127.0.0.1:1").withPrimaryWait(Duration.ofMillis(500));
        long started = System.nanoTime();
        assertThatThrownBy(() -> MongoStores.open(nowhere))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("nothing was changed");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void watchersHearThatThePrimaryWasLost() throws Exception {
        MongoStores stores = mongo.open(InProcessMongo.freshDatabase(), Clock.systemUTC());
        List<TopologyEvent> events = new CopyOnWriteArrayList<>();
        try (AutoCloseable watching = stores.cluster().watch(events::add)) {
            mongo.stopServer();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (events.stream().noneMatch(e -> e.type() == TopologyEvent.Type.PRIMARY_LOST)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertThat(events).extracting(TopologyEvent::type)
                .contains(TopologyEvent.Type.PRIMARY_LOST, TopologyEvent.Type.MEMBER_DOWN);
    }
}
