package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.reservation.cli.CliHarness.Result;
import dev.reservation.cli.input.PasswordInput;
import dev.reservation.cli.store.MongoStoreFactory;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A MongoDB given by URI (here the in-process wire-protocol server on a free loopback port, through
 * the launcher's own store factory): nobody acts without {@code --as}; the first admin comes from
 * {@code users bootstrap-admin}; {@code seed} gives no passwords.
 */
class UriStoreCommandsTest {
    private static final Clock CLOCK = Clock.fixed(CliHarness.NOW, ZoneOffset.UTC);
    private static final String ROOT_PASSWORD = "root-passw0rd-uri";
    private static final String GRACE_PASSWORD = "grace-passw0rd-uri";

    private MongoServer server;
    private String uri;
    private CliHarness cli;

    @BeforeEach
    void startServer() {
        server = new MongoServer(new MemoryBackend());
        uri = server.bindAndGetConnectionString();
        cli = new CliHarness(TestStores.withFastHashes(new MongoStoreFactory(CLOCK)), CLOCK,
                Map.of("RESERVATION_MONGO_URI", uri));
    }

    @AfterEach
    void stopServer() {
        assertThat(cli.transcript()).doesNotContain(ROOT_PASSWORD, GRACE_PASSWORD, "demo-password", "pbkdf2");
        server.shutdownNow();
    }

    private CliHarness root() {
        return cli.as("root@example.com", ROOT_PASSWORD);
    }

    @Test
    void everyCommandThatActsNeedsAsAndSaysSo() {
        Result result = cli.run("rooms", "list");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLine()).isEqualTo("usage error: say who acts: with --mongo-uri or RESERVATION_MONGO_URI"
                + " every command needs --as <email> (the password from RESERVATION_PASSWORD or a prompt); only on"
                + " the embedded store may its local operator act without signing in");
        assertThat(result.out()).isEmpty();
        assertThat(cli.run("seed").exit()).isEqualTo(2);
        assertThat(cli.run("reservations", "list").exit()).isEqualTo(2);
    }

    @Test
    void clusterCommandsActAsNobody() {
        JsonNode status = cli.json("cluster", "status");
        assertThat(status.get("kind").asText()).isEqualTo("STANDALONE");
    }

    @Test
    void theFirstAdminComesFromBootstrapAdminAndSeedGivesNoPasswords() {
        assertThat(cli.withEnv(PasswordInput.ADMIN_PASSWORD_ENV, ROOT_PASSWORD)
                .json("users", "bootstrap-admin", "--email", "root@example.com", "--name", "Root")
                .get("created").asBoolean()).isTrue();

        JsonNode seeded = root().json("seed");
        assertThat(seeded.get("usersAdded").asInt()).isEqualTo(5);
        assertThat(seeded.get("demoPasswords").asBoolean()).isFalse();
        assertThat(root().run("seed").out()).contains("The demo users have no password (not on a MongoDB URI)");
        Result demo = cli.as("grace@example.com").run("rooms", "list");
        assertThat(demo.exit()).as("no demo password on a URI").isEqualTo(8);
        assertThat(demo.errLine()).isEqualTo(AccountScenarios.SIGN_IN_FAILED);

        root().withEnv(PasswordInput.NEW_PASSWORD_ENV, GRACE_PASSWORD).json("users", "passwd", "grace@example.com");
        CliHarness grace = cli.as("grace@example.com", GRACE_PASSWORD);
        JsonNode booked = grace.json("reserve", "--room", "Spree", "--start", "2030-01-07 10:00", "--end", "11:00",
                "--title", "Over the wire").get("reservation");
        assertThat(booked.get("createdBy").asText()).isEqualTo("u-grace");
        assertThat(grace.run("rooms", "add", "--name", "X", "--location", "Y", "--capacity", "2").exit()).isEqualTo(5);
        assertThat(root().json("reservations", "show", booked.get("id").asText()).get("reservation")
                .get("title").asText()).isEqualTo("Over the wire");
    }

    @Test
    void failedSignInsCountAcrossSeparateCliRunsBecauseTheStoreCountsThem() {
        cli.withEnv(PasswordInput.ADMIN_PASSWORD_ENV, ROOT_PASSWORD)
                .json("users", "bootstrap-admin", "--email", "root@example.com", "--name", "Root");
        for (int i = 0; i < 5; i++) {
            // every run opens its own store connection and services, as a new process does
            assertThat(cli.as("root@example.com", "wrong-" + i).run("rooms", "list").exit()).isEqualTo(8);
        }
        Result blocked = root().run("rooms", "list");
        assertThat(blocked.exit()).isEqualTo(8);
        assertThat(blocked.errLine()).contains("too many failed sign-ins");
    }

    @Test
    void theUriFlagCountsLikeTheEnvironmentVariable() {
        CliHarness flagOnly = new CliHarness(TestStores.withFastHashes(new MongoStoreFactory(CLOCK)), CLOCK, Map.of());
        Result result = flagOnly.run("--mongo-uri", uri, "users", "list");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLine()).startsWith("usage error: say who acts");
    }
}
