package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.cli.CliHarness.Result;
import org.junit.jupiter.api.Test;

/**
 * What members see and what admins manage (issue 7): busy slots, the audit trail, editing,
 * deactivating and reactivating users and rooms, against one kind of store.
 */
abstract class ManagementScenarios extends AccountScenarios {
    private static final String SECRET_TITLE = "Layoff planning";

    private String seededWithAlansBooking() {
        assertThat(cli.run("seed").exit()).isZero();
        return cli.json("reserve", "--room", "Spree", "--user", "alan@example.com", "--start", "2030-01-07 10:00",
                "--end", "11:00", "--title", SECRET_TITLE).get("reservation").get("id").asText();
    }

    @Test
    void aMemberSeesOthersReservationsOnlyAsBusySlotsInTablesAndJson() {
        String alans = seededWithAlansBooking();
        CliHarness grace = cli.as("grace@example.com");
        String own = grace.json("reserve", "--room", "Havel", "--start", "2030-01-07 10:00", "--end", "11:00",
                "--title", "Grace's own").get("reservation").get("id").asText();

        JsonNode listed = grace.json("reservations", "list").get("reservations");
        JsonNode busy = findBy(listed, "id", alans);
        assertThat(busy.get("busy").asBoolean()).isTrue();
        assertThat(busy.get("title").isNull()).isTrue();
        assertThat(busy.get("userId").isNull()).isTrue();
        assertThat(busy.get("createdBy").isNull()).isTrue();
        assertThat(busy.get("start").asText()).isEqualTo("2030-01-07T09:00:00Z");
        assertThat(busy.get("roomName").asText()).isEqualTo("Spree");
        assertThat(findBy(listed, "id", own).get("title").asText()).isEqualTo("Grace's own");

        Result table = grace.run("reservations", "list");
        assertThat(table.out()).contains("Busy", "Grace's own").doesNotContain(SECRET_TITLE, "alan@example.com");
        assertThat(grace.run("reservations", "show", alans).out())
                .isEqualTo(alans + "  Spree  2030-01-07 10:00-11:00 Europe/Berlin  Busy, CONFIRMED\n");
        assertThat(grace.json("rooms", "show", "Spree").get("schedule").get("reservations").get(0).get("busy")
                .asBoolean()).isTrue();
        assertThat(grace.run("rooms", "show", "Spree").out()).contains("Busy").doesNotContain(SECRET_TITLE);
        assertThat(cli.run("reservations", "list").out()).as("the local operator is an admin").contains(SECRET_TITLE);
    }

    @Test
    void aMembersConflictShowsTheReservationInTheWayAsABusySlot() {
        String alans = seededWithAlansBooking();
        Result clash = cli.as("grace@example.com").run("reserve", "--room", "Spree", "--start", "2030-01-07 10:30",
                "--duration", "30m", "--title", "Clash");
        assertThat(clash.exit()).isEqualTo(4);
        assertThat(clash.err()).contains("  conflicts with: " + alans + "  Spree  2030-01-07 10:00-11:00 Europe/Berlin"
                + "  Busy, CONFIRMED").doesNotContain(SECRET_TITLE, "u-alan");
    }

    @Test
    void reservationsShowPrintsTheAuditTrail() {
        assertThat(cli.run("seed").exit()).isZero();
        String id = cli.as("ada@example.com").json("reserve", "--room", "Spree", "--user", "grace@example.com",
                "--start", "2030-01-07 10:00", "--end", "11:00", "--title", "Booked by Ada")
                .get("reservation").get("id").asText();
        cli.run("reservations", "cancel", id);
        Result shown = cli.run("reservations", "show", id);
        assertThat(shown.out().lines()).containsExactly(
                id + "  Spree  2030-01-07 10:00-11:00 Europe/Berlin  \"Booked by Ada\" (1 attendee) by Grace Hopper,"
                        + " CANCELLED at 2030-01-07 09:00 by local-operator",
                "created 2030-01-07 09:00 Europe/Berlin by Ada Lovelace <ada@example.com>",
                "cancelled 2030-01-07 09:00 Europe/Berlin by local-operator");
        JsonNode json = cli.json("reservations", "show", id).get("reservation");
        assertThat(json.get("createdBy").asText()).isEqualTo("u-ada");
        assertThat(json.get("userId").asText()).isEqualTo("u-grace");
        assertThat(json.get("cancelledBy").asText()).isEqualTo("local-operator");
    }

    @Test
    void aDeactivatedUserCannotSignInOrBeBookedForAndKeepsTheirReservations() {
        String alans = seededWithAlansBooking();
        JsonNode deactivated = cli.json("users", "deactivate", "alan@example.com").get("user");
        assertThat(deactivated.get("active").asBoolean()).isFalse();
        assertThat(cli.run("users", "deactivate", "u-alan").out()).startsWith("Was already deactivated: user Alan");

        Result signIn = cli.as("alan@example.com").run("rooms", "list");
        assertThat(signIn.exit()).isEqualTo(8);
        assertThat(signIn.errLine()).isEqualTo(SIGN_IN_FAILED);
        Result bookFor = cli.run("reserve", "--room", "Havel", "--user", "alan@example.com", "--start",
                "2030-01-07 12:00", "--end", "13:00", "--title", "For Alan");
        assertThat(bookFor.exit()).isEqualTo(2);
        assertThat(bookFor.errLine()).startsWith("invalid userId: Alan Turing's account is deactivated");
        assertThat(cli.json("reservations", "show", alans).get("reservation").get("status").asText())
                .isEqualTo("CONFIRMED");
        assertThat(cli.run("users", "list").out()).contains("alan@example.com", "MEMBER  no");

        assertThat(cli.run("users", "reactivate", "alan@example.com").out()).startsWith("Reactivated user Alan");
        assertThat(cli.as("alan@example.com").run("rooms", "list").exit()).isZero();
    }

    @Test
    void usersEditChangesNameAndRoleAndOnlyAnAdminMay() {
        assertThat(cli.run("seed").exit()).isZero();
        JsonNode promoted = cli.json("users", "edit", "grace@example.com", "--role", "admin").get("user");
        assertThat(promoted.get("role").asText()).isEqualTo("ADMIN");
        assertThat(promoted.get("name").asText()).isEqualTo("Grace Hopper");
        assertThat(cli.run("users", "edit", "u-grace", "--name", "Rear Admiral Grace Hopper").out())
                .startsWith("Changed user Rear Admiral Grace Hopper <grace@example.com>  id u-grace, ADMIN");
        Result nothing = cli.run("users", "edit", "u-grace");
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.errLine()).isEqualTo("usage error: nothing to change: give --name, --role or both");
        assertThat(cli.as("linus@example.com").run("users", "edit", "u-alan", "--name", "X").exit()).isEqualTo(5);
        assertThat(cli.as("linus@example.com").run("users", "deactivate", "u-alan").exit()).isEqualTo(5);
        assertThat(cli.run("users", "edit", "nobody@example.com", "--name", "X").exit()).isEqualTo(3);
    }

    @Test
    void roomsEditReplacesOnlyWhatIsGiven() {
        assertThat(cli.run("seed").exit()).isZero();
        JsonNode edited = cli.json("rooms", "edit", "Spree", "--capacity", "6", "--equipment", "projector,phone")
                .get("room");
        assertThat(edited.get("capacity").asInt()).isEqualTo(6);
        assertThat(edited.get("equipment").toString()).isEqualTo("[\"projector\",\"phone\"]");
        assertThat(edited.get("location").asText()).isEqualTo("Berlin HQ, 2nd floor");
        assertThat(edited.get("zone").asText()).isEqualTo("Europe/Berlin");
        JsonNode renamed = cli.json("rooms", "edit", "r-spree", "--name", "Spree River", "--no-equipment",
                "--zone", "Europe/Paris").get("room");
        assertThat(renamed.get("name").asText()).isEqualTo("Spree River");
        assertThat(renamed.get("equipment").size()).isZero();
        assertThat(renamed.get("capacity").asInt()).isEqualTo(6);
        assertThat(cli.run("rooms", "edit", "Havel", "--name", "spree river").exit()).as("name taken").isEqualTo(4);
        assertThat(cli.run("rooms", "edit", "Havel").errLine()).startsWith("usage error: nothing to change");
        Result member = cli.as("grace@example.com").run("rooms", "edit", "Havel", "--capacity", "2");
        assertThat(member.exit()).isEqualTo(5);
        assertThat(member.errLine()).isEqualTo("permission denied: a member may not manage rooms");
    }

    @Test
    void aDeactivatedRoomTakesNoReservationsAndIsLeftOutOfFreeRooms() {
        assertThat(cli.run("seed").exit()).isZero();
        assertThat(cli.json("rooms", "deactivate", "Camden").get("room").get("active").asBoolean()).isFalse();
        assertThat(cli.run("rooms", "show", "Camden").out()).contains("deactivated: takes no new reservations");
        JsonNode free = cli.json("rooms", "free", "--start", "2030-01-07T12:00:00Z", "--duration", "1h");
        assertThat(texts(free.get("rooms"), "name")).doesNotContain("Camden").contains("Thames");
        Result book = cli.run("reserve", "--room", "Camden", "--user", "u-alan", "--start", "2030-01-07T12:00:00Z",
                "--duration", "1h", "--title", "X");
        assertThat(book.exit()).isEqualTo(2);
        assertThat(book.errLine()).isEqualTo("invalid roomId: Camden is deactivated and takes no new reservations");
        assertThat(cli.as("grace@example.com").run("rooms", "deactivate", "Thames").exit()).isEqualTo(5);

        assertThat(cli.run("rooms", "reactivate", "camden").out()).startsWith("Reactivated room Camden");
        assertThat(cli.run("rooms", "reactivate", "camden").out()).startsWith("Was already active: room Camden");
        assertThat(cli.run("reserve", "--room", "Camden", "--user", "u-alan", "--start", "2030-01-07T12:00:00Z",
                "--duration", "1h", "--title", "X").exit()).isZero();
    }
}
