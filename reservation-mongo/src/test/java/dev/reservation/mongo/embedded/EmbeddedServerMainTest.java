package dev.reservation.mongo.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.store.ContractData;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server as its own OS process, as the failover harness runs it: clients attach
 * through the discovery file, SIGKILL loses no acknowledged write, a restart serves the same data.
 */
class EmbeddedServerMainTest {
    @TempDir
    Path dataDir;

    @Test
    void acknowledgedWritesSurviveSigkillAndARestart() throws Exception {
        Process server = start();
        try (MongoStores client = MongoStores.open(StoreOptions.embedded(dataDir))) {
            assertThat(client.ownsEmbeddedServer()).isFalse();
            client.users().insert(ContractData.user("u1", "ada@example.com"));
            client.reservations().book(ContractData.candidate("r1", "u1", ContractData.slot(0, 10, 0, 60)));
        }
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs

        Process restarted = start();
        try (MongoStores client = MongoStores.open(StoreOptions.embedded(dataDir))) {
            assertThat(client.users().findById("u1")).isPresent();
            assertThat(client.reservations().find(dev.reservation.core.store.ReservationQuery.all())).hasSize(1);
        } finally {
            restarted.destroy();
            assertThat(restarted.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(dataDir.resolve("server.properties")).doesNotExist(); // clean exit on SIGTERM
    }

    @Test
    void refusesADirectoryAnotherProcessServes() throws Exception {
        Process first = start();
        try {
            Process second = new ProcessBuilder(command()).redirectErrorStream(true).start();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(3);
            assertThat(output).contains("already served by another process", "pid " + first.pid());
        } finally {
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private List<String> command() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                EmbeddedServerMain.class.getName(), "--data-dir", dataDir.toString());
    }

    private Process start() throws IOException {
        Process p = new ProcessBuilder(command()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("listening 127.0.0.1:")) {
                return p;
            }
        }
        throw new IllegalStateException("embedded server exited with " + p.exitValue() + " before listening");
    }
}
