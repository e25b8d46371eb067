package dev.reservation.mongo.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.cluster.MemberState;
import dev.reservation.core.cluster.ReplicationReport;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ContractData;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: data in a directory, kept across restarts, shared by processes that attach. */
class EmbeddedStoreTest {
    @TempDir
    Path dataDir;

    @Test
    void keepsDataAcrossARestart() {
        Reservation booked;
        try (MongoStores first = MongoStores.open(StoreOptions.embedded(dataDir))) {
            assertThat(first.ownsEmbeddedServer()).isTrue();
            first.users().insert(ContractData.user("u1", "ada@example.com"));
            first.rooms().insert(ContractData.room("r1", "Spree"));
            booked = ((BookingOutcome.Booked) first.reservations()
                    .book(ContractData.candidate("r1", "u1", ContractData.slot(0, 10, 0, 60)))).reservation();
        }
        assertThat(dataDir.resolve("server.properties")).doesNotExist();
        try (MongoStores second = MongoStores.open(StoreOptions.embedded(dataDir))) {
            assertThat(second.users().findByEmail("ada@example.com")).isPresent();
            assertThat(second.rooms().findByName("spree")).isPresent();
            assertThat(second.reservations().findById(booked.id())).contains(booked);
            assertThat(second.reservations().book(ContractData.candidate("r1", "u2", ContractData.slot(0, 10, 30, 30))))
                    .isInstanceOf(BookingOutcome.Conflict.class);
        }
    }

    @Test
    void aSecondStoreOnTheSameDirectoryAttachesToTheServingOne() {
        try (MongoStores web = MongoStores.open(StoreOptions.embedded(dataDir));
             MongoStores cli = MongoStores.open(StoreOptions.embedded(dataDir))) {
            assertThat(web.ownsEmbeddedServer()).isTrue();
            assertThat(cli.ownsEmbeddedServer()).isFalse();
            web.users().insert(ContractData.user("u1", "ada@example.com"));
            assertThat(cli.users().findById("u1")).isPresent();
            cli.reservations().book(ContractData.candidate("r1", "u1", ContractData.slot(0, 10, 0, 60)));
            assertThat(web.reservations().find(ReservationQuery.all())).hasSize(1);
            assertThat(cli.describe()).contains(dataDir.toString());
        }
    }

    @Test
    void aStaleDiscoveryFileFromADeadOwnerIsTakenOver() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("server.properties"),
                "port=" + deadPort + "\npid=999999999\nstartedAt=2030-01-01T00:00:00Z\n");
        try (MongoStores stores = MongoStores.open(StoreOptions.embedded(dataDir))) {
            assertThat(stores.ownsEmbeddedServer()).isTrue();
            stores.users().insert(ContractData.user("u1", "ada@example.com"));
            assertThat(Files.readString(dataDir.resolve("server.properties")))
                    .contains("pid=" + ProcessHandle.current().pid());
        }
    }

    @Test
    void reportsItselfAsAnEmbeddedSingleNode() {
        try (MongoStores stores = MongoStores.open(StoreOptions.embedded(dataDir))) {
            ClusterTopology topology = stores.cluster().topology();
            assertThat(topology.kind()).isEqualTo(ClusterTopology.Kind.EMBEDDED);
            assertThat(stores.kind()).isEqualTo(ClusterTopology.Kind.EMBEDDED);
            assertThat(topology.members()).singleElement()
                    .satisfies(m -> assertThat(m.state()).isEqualTo(MemberState.STANDALONE));
            assertThat(topology.writable()).isTrue();
            assertThat(topology.summary()).contains("embedded", "no replication");

            ReplicationReport report = stores.cluster().checkReplication(Duration.ofSeconds(1));
            assertThat(report.members()).isEmpty();
            assertThat(report.note()).contains("no secondaries");
        }
    }
}
