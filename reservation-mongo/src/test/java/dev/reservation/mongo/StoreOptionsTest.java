package dev.reservation.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreOptionsTest {
    private static final Map<String, String> ENV = Map.of(
            "RESERVATION_MONGO_URI", "mongodb://env-db:27017/?replicaSet=rs0",
            "RESERVATION_DATA_DIR", "/var/lib/reservation");

    @Test
    void aFlagWinsOverTheEnvironment() {
        StoreOptions o = StoreOptions.resolve(Optional.of("mongodb://flag-db:27017"), Optional.of(Path.of("/flag")), ENV);
        assertThat(o.mongoUri()).contains("mongodb://flag-db:27017");
        assertThat(o.dataDir()).isEqualTo(Path.of("/flag"));
    }

    @Test
    void theEnvironmentWinsOverTheDefaults() {
        StoreOptions o = StoreOptions.resolve(Optional.empty(), Optional.empty(), ENV);
        assertThat(o.mongoUri()).contains("mongodb://env-db:27017/?replicaSet=rs0");
        assertThat(o.dataDir()).isEqualTo(Path.of("/var/lib/reservation"));
        assertThat(o.isEmbedded()).isFalse();
    }

    @Test
    void withNothingConfiguredItIsTheEmbeddedStoreUnderTheHomeDirectory() {
        StoreOptions o = StoreOptions.resolve(Optional.empty(), Optional.empty(), Map.of("RESERVATION_MONGO_URI", "  "));
        assertThat(o.isEmbedded()).isTrue();
        assertThat(o.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".reservation", "data"));
        assertThat(o.primaryWait()).isEqualTo(Duration.ofSeconds(15));
        assertThat(o.writeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.readFromSecondaries()).isFalse();
        assertThat(o.databaseName()).isEqualTo("reservations");
    }

    @Test
    void theDatabaseComesFromTheUriPathUnlessGiven() {
        assertThat(StoreOptions.uri("mongodb://db1/bookings?replicaSet=rs0").databaseName()).isEqualTo("bookings");
        assertThat(StoreOptions.uri("mongodb://db1/bookings").withDatabase("other").databaseName()).isEqualTo("other");
    }

    @Test
    void rejectsAMalformedUriWithoutShowingThePassword() {
        assertThatThrownBy(() -> StoreOptions.uri("mongodb://app:secret@db1:notaport"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a MongoDB connection string")
                .hasMessageNotContaining("secret")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("mongoUri"));
        assertThatThrownBy(() -> StoreOptions.uri("http://db1")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rejectsStalenessBelowMongosMinimumAndNonPositiveWaits() {
        StoreOptions o = StoreOptions.uri("mongodb://db1");
        assertThatThrownBy(() -> o.withSecondaryReads(Duration.ofSeconds(30))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("90");
        assertThat(o.withSecondaryReads(Duration.ofSeconds(120)).readFromSecondaries()).isTrue();
        assertThatThrownBy(() -> o.withPrimaryWait(Duration.ZERO)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> o.withDatabase("bad name!")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void listReadsMayBeRoutedToSecondariesFromTheEnvironment() {
        StoreOptions o = StoreOptions.resolve(Optional.empty(), Optional.empty(),
                Map.of("RESERVATION_LIST_READS", "secondary", "RESERVATION_MAX_STALENESS_SECONDS", "120"));
        assertThat(o.readFromSecondaries()).isTrue();
        assertThat(o.maxStaleness()).isEqualTo(Duration.ofSeconds(120));
        assertThatThrownBy(() -> StoreOptions.resolve(Optional.empty(), Optional.empty(),
                Map.of("RESERVATION_LIST_READS", "nearest"))).isInstanceOf(InvalidInputException.class);
    }

    @org.junit.jupiter.api.Test
    void heartbeatDefaultsToTwoSecondsAndRefusesLessThanTheDriversFloor() {
        StoreOptions options = StoreOptions.uri("mongodb://127.0.0.1:27017");
        org.assertj.core.api.Assertions.assertThat(options.heartbeat()).isEqualTo(java.time.Duration.ofSeconds(2));
        org.assertj.core.api.Assertions.assertThat(options.withHeartbeat(java.time.Duration.ofMillis(500)).heartbeat())
                .isEqualTo(java.time.Duration.ofMillis(500));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> options.withHeartbeat(java.time.Duration.ofMillis(100)))
                .isInstanceOf(dev.reservation.core.domain.InvalidInputException.class).hasMessageContaining("500 ms");
    }
}
