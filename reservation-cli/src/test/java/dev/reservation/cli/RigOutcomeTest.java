package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.cli.CliHarness.Result;
import dev.reservation.cli.input.PasswordInput;
import dev.reservation.cli.store.MongoStoreFactory;
import dev.reservation.rig.FailPoint;
import dev.reservation.rig.ReplicationRig;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CLI on the real Mongo store over the replication rig (a SIMULATION of a PSA replica set): a
 * booking that landed never exits with 6 ("store unavailable: nothing was changed"), whatever error
 * the driver's retry of it met.
 */
class RigOutcomeTest {
    private static final Clock CLOCK = Clock.fixed(CliHarness.NOW, ZoneOffset.UTC);
    private static final String ROOT_PASSWORD = "root-passw0rd-rig";
    private final ReplicationRig rig = ReplicationRig.start();
    private final CliHarness cli = new CliHarness(TestStores.withFastHashes(new MongoStoreFactory(CLOCK)), CLOCK,
            Map.of("RESERVATION_MONGO_URI", rig.connectionString()));

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void aBookingWhoseRetryMetNotWritablePrimaryExitsBookedNotUnavailable() {
        cli.withEnv(PasswordInput.ADMIN_PASSWORD_ENV, ROOT_PASSWORD)
                .json("users", "bootstrap-admin", "--email", "root@example.com", "--name", "Root");
        CliHarness root = cli.as("root@example.com", ROOT_PASSWORD);
        root.json("seed");
        FailPoint.Armed lost = rig.arm(FailPoint.on("insert").collection("reservations").times(1)
                .closeConnectionAfterApplying());
        FailPoint.Armed refused = rig.arm(FailPoint.on("insert").collection("reservations").skip(1).times(1).error(10107));

        Result result = root.run("--json", "reserve", "--room", "Spree", "--user", "grace@example.com",
                "--start", "2030-01-07 10:00", "--end", "11:00", "--title", "Through a failover");

        assertThat(lost.fired()).isEqualTo(1);
        assertThat(refused.fired()).isEqualTo(1);
        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode listed = root.json("reservations", "list", "--room", "Spree");
        assertThat(listed.toString()).contains("Through a failover");
    }
}
