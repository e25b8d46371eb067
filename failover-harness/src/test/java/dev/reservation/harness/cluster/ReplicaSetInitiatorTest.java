package dev.reservation.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.harness.history.MonotonicClock;
import dev.reservation.harness.sim.FakeCommandResponder;
import dev.reservation.harness.sim.FakeCommandResponder.Received;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The PSA start's retries against a fake command responder (a real start runs in ReplicaSetScenarioIT). */
class ReplicaSetInitiatorTest {
    private static void initiate(FakeCommandResponder fake, Duration limit) {
        new ReplicaSetInitiator(fake, MonotonicClock.system(), limit, Duration.ofMillis(2)).initiate("rs0",
                List.of(FakeCommandResponder.D0, FakeCommandResponder.D1), Optional.of(FakeCommandResponder.ARBITER),
                ElectionSettings.SERVER_DEFAULTS);
    }

    private static List<String> hosts(Document config) {
        return config.getList("members", Document.class).stream().map(m -> m.getString("host")).toList();
    }

    @Test
    void setsTheDefaultWriteConcernOnlyOnceTheNewPrimarySaysItIsWritableAndWithAWtimeout() {
        FakeCommandResponder fake = new FakeCommandResponder(5);

        initiate(fake, Duration.ofSeconds(5));

        List<Received> sent = fake.received("setDefaultRWConcern");
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.writableWhenSent()).as("hello said isWritablePrimary before it was sent").isTrue();
            assertThat(r.command().get("writeConcern", Document.class))
                    .containsEntry("w", "majority").containsEntry("wtimeout", ReplicaSetInitiator.DEFAULT_RW_WTIMEOUT_MS);
            assertThat(r.command().get("defaultWriteConcern", Document.class)).containsEntry("w", "majority");
        });
        assertThat(fake.received("hello").size()).as("hello polled through the draining").isGreaterThan(5);
        assertThat(hosts(fake.config())).contains(FakeCommandResponder.ARBITER);
    }

    @Test
    void retriesTheDefaultWriteConcernAfterAWriteConcernTimeoutAndANotWritablePrimary() {
        FakeCommandResponder fake = new FakeCommandResponder(0).failSetDefault(FakeCommandResponder.WTIMEOUT, 10107, 189);

        initiate(fake, Duration.ofSeconds(5));

        assertThat(fake.received("setDefaultRWConcern")).hasSize(4)
                .allSatisfy(r -> assertThat(r.command().get("writeConcern", Document.class)).containsKey("wtimeout"));
        assertThat(fake.received("replSetReconfig")).as("the arbiter is added only after the default is set")
                .isNotEmpty();
    }

    @Test
    void retriesTheReconfigOnConfigurationInProgressAndNotYetCommittedRereadingTheConfigEachTime() {
        FakeCommandResponder fake = new FakeCommandResponder(0).failReconfig(109, 308, 109);

        initiate(fake, Duration.ofSeconds(5));

        List<Received> reconfigs = fake.received("replSetReconfig");
        assertThat(reconfigs).hasSize(4).allSatisfy(r ->
                assertThat(r.command().get("replSetReconfig", Document.class).getInteger("version")).isEqualTo(2));
        assertThat(fake.received("replSetGetConfig")).hasSize(4);
        assertThat(hosts(fake.config())).containsExactly(FakeCommandResponder.D0, FakeCommandResponder.D1,
                FakeCommandResponder.ARBITER);
        assertThat(fake.config().getList("members", Document.class).get(2)).containsEntry("arbiterOnly", true);
    }

    @Test
    void stopsAtOnceOnAnErrorThatNoRetryCanFix() {
        FakeCommandResponder fake = new FakeCommandResponder(0).failReconfig(103);

        assertThatThrownBy(() -> initiate(fake, Duration.ofSeconds(5)))
                .isInstanceOf(ClusterStartException.class)
                .hasMessageContaining("replSetReconfig was refused").hasMessageContaining("103");
        assertThat(fake.received("replSetReconfig")).hasSize(1);
    }

    @Test
    void givesUpAfterTheTimeLimitSayingWhatItLastHeard() {
        FakeCommandResponder fake = new FakeCommandResponder(Integer.MAX_VALUE);

        assertThatThrownBy(() -> initiate(fake, Duration.ofMillis(300)))
                .isInstanceOf(ClusterStartException.class)
                .hasMessageContaining("setDefaultRWConcern")
                .hasMessageContaining("isWritablePrimary");
        assertThat(fake.received("setDefaultRWConcern")).as("never sent to a primary that is not writable").isEmpty();
    }
}
