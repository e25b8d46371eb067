package dev.reservation.harness.replset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.cluster.MemberState;
import dev.reservation.core.cluster.MemberStatus;
import dev.reservation.core.cluster.ReplicationReport;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ContractData;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.harness.cluster.ClusterControl;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real Primary + Secondary + Arbiter set (mongod binaries or containers), seen through the store;
 * skipped, saying what it needs, without either.
 */
class PsaReplicaSetIT {
    private static Optional<ClusterControl> running = Optional.empty();
    private ClusterControl psa;

    @BeforeAll
    static void startSet() throws Exception {
        running = RealReplicaSets.startPsa();
    }

    @BeforeEach
    void needsTheSet() {
        psa = RealReplicaSets.require(running);
    }

    @AfterAll
    static void stopSet() throws Exception {
        if (running.isPresent()) {
            running.get().close();
        }
    }

    @Test
    void aMajorityWriteIsAcknowledgedAndReadableOnTheSecondary() {
        try (MongoStores stores = MongoStores.open(StoreOptions.uri(psa.clientUri()).withDatabase("psa_write"))) {
            BookingOutcome outcome = stores.reservations().book(
                    ContractData.candidate("r1", "u1", ContractData.slot(0, 10, 0, 60)));
            assertThat(outcome).isInstanceOf(BookingOutcome.Booked.class);

            ReplicationReport report = stores.cluster().checkReplication(Duration.ofSeconds(10));
            assertThat(report.members()).singleElement().satisfies(m -> {
                assertThat(m.state()).isEqualTo(MemberState.SECONDARY);
                assertThat(m.visibleAfter()).as("marker visible on %s: %s", m.host(), m.error()).isPresent();
            });
        }
    }

    @Test
    void theTopologyListsPrimarySecondaryAndArbiter() {
        try (MongoStores stores = MongoStores.open(StoreOptions.uri(psa.clientUri()).withDatabase("psa_topology"))) {
            ClusterTopology topology = stores.cluster().topology();
            assertThat(topology.kind()).isEqualTo(ClusterTopology.Kind.REPLICA_SET);
            assertThat(topology.setName()).isPresent();
            assertThat(topology.members()).extracting(MemberStatus::state)
                    .containsExactlyInAnyOrder(MemberState.PRIMARY, MemberState.SECONDARY, MemberState.ARBITER);
            assertThat(topology.writable()).isTrue();
        }
    }

    @Test
    void aCallerReadsItsOwnBookingEvenWhenListsComeFromTheSecondary() {
        StoreOptions secondaryLists = StoreOptions.uri(psa.clientUri()).withDatabase("psa_ryw")
                .withSecondaryReads(Duration.ofSeconds(90));
        try (MongoStores stores = MongoStores.open(secondaryLists)) {
            for (int i = 0; i < 20; i++) {
                Reservation r = ((BookingOutcome.Booked) stores.reservations().book(
                        ContractData.candidate("r1", "u1", ContractData.slot(0, 8, i * 30, 30)))).reservation();
                assertThat(stores.reservations().find(ReservationQuery.all().user("u1")))
                        .extracting(Reservation::id).contains(r.id());
            }
        }
    }
}
