package dev.reservation.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSettingsTest {
    @Test
    void addsOnlyTheClientOptionsTheUriDoesNotSetItself() {
        assertThat(ClientUris.withOptions("mongodb://a:1,b:2/?replicaSet=rs0&W=1", "w=majority&journal=true"))
                .isEqualTo("mongodb://a:1,b:2/?replicaSet=rs0&W=1&journal=true");
        assertThat(ClientUris.withOptions("mongodb://a:1", "w=majority")).isEqualTo("mongodb://a:1/?w=majority");
        assertThat(ClientUris.withOptions("mongodb://a:1/db", "w=majority")).isEqualTo("mongodb://a:1/db?w=majority");
    }

    @Test
    void putsOnlyTheAskedElectionSettingsIntoTheReplicaSetConfig() {
        ElectionSettings settings = new ElectionSettings(OptionalLong.of(2000), OptionalLong.empty(), OptionalLong.of(0));

        assertThat(settings.asConfigSettings())
                .containsExactly(Map.entry("electionTimeoutMillis", 2000L), Map.entry("catchUpTimeoutMillis", 0L));
        assertThat(ElectionSettings.SERVER_DEFAULTS.isDefault()).isTrue();
        assertThatThrownBy(() -> new ElectionSettings(OptionalLong.of(0), null, null))
                .hasMessageContaining("--election-timeout-ms");
    }

    @Test
    void parsesClusterKindsByTheirCommandLineNames() {
        assertThat(ClusterKind.parse("local-psa")).isEqualTo(ClusterKind.LOCAL_PSA);
        assertThat(ClusterKind.parse("Embedded-Process")).isEqualTo(ClusterKind.EMBEDDED_PROCESS);
        assertThatThrownBy(() -> ClusterKind.parse("psa")).hasMessageContaining("local-psa, local-pss");
    }

    @Test
    void findsMongodFromTheFlagTheEnvironmentOrThePath(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mongod = Files.createFile(bin.resolve("mongod"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));

        assertThat(MongodBinary.find(Optional.of(bin), Map.of())).hasValue(mongod);
        assertThat(MongodBinary.find(Optional.empty(), Map.of("MONGOD_BIN", mongod.toString()))).hasValue(mongod);
        assertThat(MongodBinary.find(Optional.empty(), Map.of("PATH", "/nonexistent:" + bin))).hasValue(mongod);
        assertThat(MongodBinary.find(Optional.empty(), Map.of("PATH", "/nonexistent"))).isEmpty();
        assertThatThrownBy(() -> MongodBinary.require(Optional.empty(), Map.of("PATH", "/nonexistent")))
                .isInstanceOf(ClusterStartException.class).hasMessageContaining("--mongod-bin, set MONGOD_BIN");
    }
}
