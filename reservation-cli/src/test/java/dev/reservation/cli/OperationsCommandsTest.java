package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.cli.CliHarness.Result;
import dev.reservation.core.ops.RoomOperations;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code reservations pending | approve | decline | check-in} and {@code report}, on the in-memory
 * stores; Spree (Europe/Berlin) needs approval, Havel does not. Now is Monday 2030-01-07 09:00 in Berlin.
 */
class OperationsCommandsTest {
    private final TestStores stores = new TestStores();
    private final CliHarness cli = new CliHarness(stores);

    @BeforeEach
    void seedAndRequireApprovalForSpree() {
        Result seeded = cli.run("seed");
        assertThat(seeded.exit()).as(seeded.err()).isZero();
        stores.roomOperations.put(new RoomOperations("r-spree", true, Set.of(), null, null, true, null));
    }

    private JsonNode request(CliHarness as, String room, String start) {
        return as.json("reserve", "--room", room, "--user", "grace@example.com", "--start", start, "--duration", "1h",
                "--title", "Standup").get("reservation");
    }

    @Test
    void aPendingRequestHoldsItsSlotAndAnAdminApprovesItWithAReason() {
        CliHarness grace = cli.as("grace@example.com");
        JsonNode r = request(grace, "Spree", "2030-01-07 11:00");
        assertThat(r.get("status").asText()).isEqualTo("PENDING");
        String id = r.get("id").asText();
        Result over = cli.run("reserve", "--room", "Spree", "--user", "alan@example.com", "--start", "2030-01-07 11:30",
                "--duration", "30m", "--title", "Clash");
        assertThat(over.exit()).as(over.err()).isEqualTo(4);

        assertThat(cli.json("reservations", "pending").get("reservations")).extracting(n -> n.get("id").asText())
                .containsExactly(id);
        Result denied = grace.run("reservations", "approve", id);
        assertThat(denied.exit()).isEqualTo(5);
        assertThat(denied.errLine()).contains("approver").doesNotContain("Exception");

        JsonNode approved = cli.json("reservations", "approve", id, "--reason", "fine");
        assertThat(approved.get("reservation").get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(approved.get("approvedBy").asText()).isEqualTo("local-operator");
        assertThat(approved.get("reason").asText()).isEqualTo("fine");
        assertThat(cli.run("reservations", "show", id).out()).contains("approved 2030-01-07 09:00 Europe/Berlin by local-operator")
                .contains("reason: fine");
        Result again = cli.run("reservations", "decline", id);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.errLine()).contains("not pending");
    }

    @Test
    void declineFreesTheSlot() {
        String id = request(cli.as("grace@example.com"), "Spree", "2030-01-07 11:00").get("id").asText();
        Result declined = cli.run("reservations", "decline", id, "--reason", "room closed");
        assertThat(declined.exit()).as(declined.err()).isZero();
        assertThat(declined.out()).startsWith("Declined: ").contains("DECLINED").contains("reason: room closed");
        assertThat(request(cli, "Spree", "2030-01-07 11:00").get("status").asText())
                .as("the local operator is an admin: no approval needed").isEqualTo("CONFIRMED");
    }

    @Test
    void checkInOnlyWithinTheWindowShownInTheRoomsZone() {
        String id = request(cli, "Havel", "2030-01-07 10:00").get("id").asText(); // 09:00Z
        Result early = cli.run("reservations", "check-in", id);
        assertThat(early.exit()).isEqualTo(2);
        assertThat(early.errLine()).contains("check-in opens at 2030-01-07 09:50 Europe/Berlin");
        CliHarness later = new CliHarness(stores, Clock.fixed(Instant.parse("2030-01-07T08:55:00Z"), ZoneOffset.UTC),
                Map.of());
        JsonNode in = later.json("reservations", "check-in", id);
        assertThat(in.get("checkedInAt").asText()).isEqualTo("2030-01-07T08:55:00Z");
        assertThat(later.run("reservations", "show", id).out()).contains("checked in 2030-01-07 09:55 Europe/Berlin");
    }

    @Test
    void reportPrintsTheWebsCsvAndIsForAdmins() {
        request(cli, "Havel", "2030-01-07 10:00");
        request(cli, "Spree", "2030-01-08 14:00");
        Result csv = cli.run("report", "--from", "2030-01-07T00:00:00Z", "--to", "2030-01-14T00:00:00Z", "--csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        // opening hours Mon-Fri 08:00-18:00: 50 h per room; 1 h booked each = 2 %
        assertThat(csv.out()).startsWith("kind,key,name,location,hours_booked,")
                .contains("room,r-havel,Havel,\"Berlin HQ, 2nd floor\",1,50,1,0.02,1,0,0,0,0,0,0\r\n")
                .contains("room,r-spree,Spree,\"Berlin HQ, 2nd floor\",1,50,1,0.02,1,0,0,0,0,0,0\r\n")
                .contains("heat,Mon,10,1\r\n").contains("heat,Tue,14,1\r\n");
        JsonNode json = cli.json("report", "--from", "2030-01-07T00:00:00Z", "--to", "2030-01-14T00:00:00Z");
        assertThat(json.get("total").get("hoursBooked").asDouble()).isEqualTo(2.0);
        Result member = cli.as("grace@example.com").run("report", "--from", "2030-01-07", "--to", "2030-01-14");
        assertThat(member.exit()).isEqualTo(5);
        Result backwards = cli.run("report", "--from", "2030-01-14", "--to", "2030-01-07");
        assertThat(backwards.exit()).isEqualTo(2);
        assertThat(backwards.errLine()).contains("--to must be after --from");
    }
}
