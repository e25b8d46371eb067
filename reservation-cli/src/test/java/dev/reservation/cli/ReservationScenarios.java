package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.cli.CliHarness.Result;
import dev.reservation.core.domain.Actor;
import org.junit.jupiter.api.Test;

/** {@code reserve}, {@code reservations}, {@code --as} and {@code cluster}, against one kind of store. */
abstract class ReservationScenarios extends CommandScenarios {

    private void seeded() {
        assertThat(cli.run("seed").exit()).isZero();
    }

    private JsonNode book(String room, String user, String start, String end, String title) {
        return cli.json("reserve", "--room", room, "--user", user, "--start", start, "--end", end,
                "--title", title).get("reservation");
    }

    @Test
    void reserveBooksByRoomNameAndUserEmailInTheRoomsTimeZone() {
        seeded();
        JsonNode booked = cli.json("reserve", "--room", "Spree", "--user", "grace@example.com",
                "--start", "2030-01-07 10:00", "--end", "11:00", "--title", "Standup", "--attendees", "3");
        assertThat(booked.get("replayed").asBoolean()).isFalse();
        JsonNode r = booked.get("reservation");
        assertThat(r.fieldNames()).toIterable().containsExactly("id", "roomId", "roomName", "zone", "userId",
                "title", "attendees", "status", "start", "end", "createdAt", "cancelledAt", "cancelledBy",
                "version", "idempotencyKey", "createdBy", "busy");
        assertThat(r.get("roomId").asText()).isEqualTo("r-spree");
        assertThat(r.get("roomName").asText()).isEqualTo("Spree");
        assertThat(r.get("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(r.get("userId").asText()).isEqualTo("u-grace");
        assertThat(r.get("start").asText()).isEqualTo("2030-01-07T09:00:00Z");
        assertThat(r.get("end").asText()).isEqualTo("2030-01-07T10:00:00Z");
        assertThat(r.get("attendees").asInt()).isEqualTo(3);
        assertThat(r.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(r.get("cancelledAt").isNull()).isTrue();
        assertThat(r.get("idempotencyKey").asText()).startsWith("cli-");
        assertThat(r.get("createdBy").asText()).as("without --as the local operator acts")
                .isEqualTo(Actor.LOCAL_OPERATOR.userId());
        assertThat(r.get("busy").asBoolean()).isFalse();
    }

    @Test
    void reserveAcceptsIsoInstantsAndADurationAndPrintsTheBookingInLocalTime() {
        seeded();
        Result result = cli.run("reserve", "--room", "r-thames", "--user", "u-alan", "--start", "2030-01-08T15:00:00Z",
                "--duration", "45m", "--title", "Review");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("Booked: ")
                .contains("Thames  2030-01-08 15:00-15:45 Europe/London  \"Review\" (1 attendee) by Alan Turing, CONFIRMED");
    }

    @Test
    void reserveRefusesAnOverlapWithExit4AndPrintsTheConflictAndSuggestions() {
        seeded();
        String first = book("Spree", "grace@example.com", "2030-01-07 10:00", "11:00", "Standup").get("id").asText();
        Result result = cli.run("reserve", "--room", "Spree", "--user", "alan@example.com",
                "--start", "2030-01-07 10:30", "--duration", "1h", "--title", "Clash", "--attendees", "3");
        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.out()).isEmpty();
        String[] lines = result.err().split("\n");
        assertThat(lines[0]).isEqualTo("conflict: Spree is already booked at that time (1 reservation in the way)");
        assertThat(lines[1]).startsWith("  conflicts with: " + first + "  Spree  2030-01-07 10:00-11:00 Europe/Berlin");
        assertThat(result.err()).contains("  suggestion: Spree is next free 2030-01-07 11:00-12:00 Europe/Berlin")
                .contains("  suggestion: free at that time: Havel (6 seats, Berlin HQ, 2nd floor), Tiergarten")
                .as("the same building first, then elsewhere").contains("Thames (8 seats, London office, 5th floor)")
                .doesNotContain("Exception");
    }

    @Test
    void reserveAcceptsBackToBackReservations() {
        seeded();
        book("Spree", "grace@example.com", "2030-01-07 10:00", "11:00", "First");
        assertThat(book("Spree", "alan@example.com", "2030-01-07 11:00", "12:00", "Second")
                .get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void reserveWithTheSameIdempotencyKeyReplaysInsteadOfBookingTwice() {
        seeded();
        String[] args = {"reserve", "--room", "Havel", "--user", "u-linus", "--start", "tomorrow 14:00",
            "--duration", "1h", "--title", "Planning", "--idempotency-key", "k-42"};
        JsonNode first = cli.json(args);
        JsonNode again = cli.json(args);
        assertThat(again.get("replayed").asBoolean()).isTrue();
        assertThat(again.get("reservation").get("id")).isEqualTo(first.get("reservation").get("id"));
        assertThat(again.get("reservation").get("start").asText()).isEqualTo("2030-01-08T13:00:00Z");
        assertThat(cli.json("reservations", "list", "--room", "Havel").get("reservations")).hasSize(1);
        assertThat(cli.run(args).out()).startsWith("Already booked with this idempotency key: ");
    }

    @Test
    void reserveRefusesAnIdempotencyKeyReusedForAnotherRequest() {
        seeded();
        cli.json("reserve", "--room", "Havel", "--user", "u-linus", "--start", "tomorrow 14:00", "--duration", "1h",
                "--title", "Planning", "--idempotency-key", "k-7");
        Result result = cli.run("reserve", "--room", "Havel", "--user", "u-linus", "--start", "tomorrow 16:00",
                "--duration", "1h", "--title", "Planning", "--idempotency-key", "k-7");
        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.errLine()).startsWith("conflict: idempotency key k-7 was already used");
    }

    @Test
    void reserveRefusesBrokenBookingRulesAsInvalidInput() {
        seeded();
        Result past = cli.run("reserve", "--room", "Spree", "--user", "u-ada", "--start", "2030-01-07 08:00",
                "--duration", "1h", "--title", "Too late");
        assertThat(past.exit()).isEqualTo(2);
        assertThat(past.errLine()).startsWith("booking rule broken (slot-in-past): ");
        Result crowded = cli.run("reserve", "--room", "Spree", "--user", "u-ada", "--start", "2030-01-07 12:00",
                "--duration", "1h", "--title", "Party", "--attendees", "30");
        assertThat(crowded.exit()).isEqualTo(2);
        assertThat(crowded.errLine()).isEqualTo("booking rule broken (over-capacity): Spree seats 4; 30 attendees do not fit");
        Result both = cli.run("reserve", "--room", "Spree", "--user", "u-ada", "--start", "2030-01-07 12:00",
                "--end", "13:00", "--duration", "1h", "--title", "Both");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.errLine()).isEqualTo("invalid end: give either --end or --duration, not both");
        Result garbage = cli.run("reserve", "--room", "Spree", "--user", "u-ada", "--start", "soon",
                "--duration", "1h", "--title", "When");
        assertThat(garbage.exit()).isEqualTo(2);
        assertThat(garbage.errLine()).startsWith("invalid start: 'soon' given for --start is not a time;");
    }

    @Test
    void reserveReportsAnUnknownRoomOrUserAsNotFound() {
        seeded();
        Result room = cli.run("reserve", "--room", "Atlantis", "--user", "u-ada", "--start", "tomorrow 10:00",
                "--duration", "1h", "--title", "X");
        assertThat(room.exit()).isEqualTo(3);
        assertThat(room.errLine()).isEqualTo("not found: no room Atlantis");
        Result user = cli.run("reserve", "--room", "Spree", "--user", "u-nobody", "--start", "tomorrow 10:00",
                "--duration", "1h", "--title", "X");
        assertThat(user.exit()).isEqualTo(3);
        assertThat(user.errLine()).isEqualTo("not found: no user u-nobody");
    }

    @Test
    void reserveWithoutUserOrAsSaysWhoMustBeNamed() {
        seeded();
        Result result = cli.run("reserve", "--room", "Spree", "--start", "tomorrow 10:00", "--duration", "1h",
                "--title", "X");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLine())
                .isEqualTo("invalid user: say who books: --user <email|id> (or sign in as that user with --as)");
    }

    @Test
    void reservationsListFiltersByRoomUserStatusAndWindow() {
        seeded();
        String standup = book("Spree", "grace@example.com", "2030-01-07 10:00", "11:00", "Standup").get("id").asText();
        String review = book("Havel", "grace@example.com", "2030-01-08 10:00", "11:00", "Review").get("id").asText();
        String retro = book("Spree", "alan@example.com", "2030-01-09 10:00", "11:00", "Retro").get("id").asText();
        cli.json("reservations", "cancel", retro);

        assertThat(texts(cli.json("reservations", "list").get("reservations"), "id"))
                .containsExactly(standup, review, retro);
        assertThat(texts(cli.json("reservations", "list", "--room", "spree").get("reservations"), "id"))
                .containsExactly(standup, retro);
        assertThat(texts(cli.json("reservations", "list", "--user", "grace@example.com").get("reservations"), "id"))
                .containsExactly(standup, review);
        assertThat(texts(cli.json("reservations", "list", "--status", "cancelled").get("reservations"), "id"))
                .containsExactly(retro);
        assertThat(texts(cli.json("reservations", "list", "--from", "2030-01-08", "--to", "2030-01-09")
                .get("reservations"), "id")).containsExactly(review);
        assertThat(texts(cli.json("reservations", "list", "--limit", "1").get("reservations"), "id"))
                .containsExactly(standup);
        assertThat(cli.run("reservations", "list", "--limit", "1").out()).contains("(the first 1; more may match");
        Result table = cli.run("reservations", "list", "--room", "Spree");
        assertThat(table.out()).startsWith("ID").contains("2030-01-07 10:00-11:00 Europe/Berlin",
                "grace@example.com", "CONFIRMED", "Standup", "CANCELLED", "Retro");
    }

    @Test
    void reservationsShowPrintsOneAndReportsAnUnknownIdAsNotFound() {
        seeded();
        String id = book("Spree", "grace@example.com", "2030-01-07 10:00", "11:00", "Standup").get("id").asText();
        assertThat(cli.json("reservations", "show", id).get("reservation").get("title").asText()).isEqualTo("Standup");
        assertThat(cli.run("reservations", "show", id).out()).startsWith(id + "  Spree  2030-01-07 10:00-11:00");
        Result missing = cli.run("reservations", "show", "no-such-id");
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.errLine()).isEqualTo("not found: no reservation no-such-id");
    }

    @Test
    void reservationsCancelKeepsTheReservationMarkedCancelledAndIsIdempotent() {
        seeded();
        String id = book("Spree", "grace@example.com", "2030-01-07 10:00", "11:00", "Standup").get("id").asText();
        JsonNode cancelled = cli.json("reservations", "cancel", id);
        assertThat(cancelled.get("alreadyCancelled").asBoolean()).isFalse();
        assertThat(cancelled.get("reservation").get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("reservation").get("cancelledBy").asText()).isEqualTo(Actor.LOCAL_OPERATOR.userId());
        assertThat(cancelled.get("reservation").get("cancelledAt").asText()).isEqualTo("2030-01-07T08:00:00Z");
        assertThat(cli.json("reservations", "cancel", id).get("alreadyCancelled").asBoolean()).isTrue();
        assertThat(cli.run("reservations", "cancel", id).out()).startsWith("Was already cancelled: ");
        book("Spree", "alan@example.com", "2030-01-07 10:00", "11:00", "Now free");
    }

    @Test
    void aMemberMayBookAndCancelOnlyTheirOwnReservations() {
        seeded();
        CliHarness grace = cli.as("grace@example.com");
        JsonNode own = grace.json("reserve", "--room", "Spree",
                "--start", "2030-01-07 10:00", "--end", "11:00", "--title", "Mine").get("reservation");
        assertThat(own.get("userId").asText()).isEqualTo("u-grace");
        assertThat(own.get("createdBy").asText()).isEqualTo("u-grace");
        String others = book("Havel", "alan@example.com", "2030-01-07 10:00", "11:00", "Alan's").get("id").asText();

        Result denied = grace.run("reservations", "cancel", others);
        assertThat(denied.exit()).isEqualTo(5);
        assertThat(denied.errLine()).startsWith("permission denied: only the person who booked reservation " + others);
        Result forSomeoneElse = grace.run("reserve", "--room", "Spree", "--user", "alan@example.com",
                "--start", "2030-01-07 12:00", "--end", "13:00", "--title", "For Alan");
        assertThat(forSomeoneElse.exit()).isEqualTo(5);
        assertThat(forSomeoneElse.errLine()).startsWith("permission denied: a member may not reserve for this user");

        JsonNode mine = grace.json("reservations", "cancel", own.get("id").asText());
        assertThat(mine.get("reservation").get("cancelledBy").asText()).isEqualTo("u-grace");
        assertThat(cli.as("ada@example.com").json("reservations", "cancel", others)
                .get("reservation").get("cancelledBy").asText()).isEqualTo("u-ada");
    }

    @Test
    void aMemberMayNotAddUsersOrRoomsOrSeed() {
        seeded();
        CliHarness grace = cli.as("grace@example.com");
        Result users = grace.run("users", "add", "--name", "X", "--email", "x@example.com");
        assertThat(users.exit()).isEqualTo(5);
        assertThat(users.errLine()).isEqualTo("permission denied: a member may not manage users");
        Result rooms = grace.run("rooms", "add", "--name", "X", "--location", "Y", "--capacity", "2");
        assertThat(rooms.exit()).isEqualTo(5);
        assertThat(rooms.errLine()).isEqualTo("permission denied: a member may not manage rooms");
        assertThat(grace.run("seed").exit()).isEqualTo(5);
        assertThat(cli.run("rooms", "list").out()).doesNotContain(" X ");
    }

    @Test
    void roomsShowTellsWhetherTheRoomIsFreeNowAndItsScheduleForToday() {
        seeded();
        String busy = book("Spree", "grace@example.com", "2030-01-07 09:00", "10:00", "Now").get("id").asText();
        JsonNode shown = cli.json("rooms", "show", "Spree");
        assertThat(shown.get("availability").get("freeNow").asBoolean()).isFalse();
        assertThat(shown.get("availability").get("nextFreeAt").asText()).isEqualTo("2030-01-07T09:00:00Z");
        assertThat(shown.get("schedule").get("firstDay").asText()).isEqualTo("2030-01-07");
        assertThat(texts(shown.get("schedule").get("reservations"), "id")).containsExactly(busy);
        assertThat(cli.run("rooms", "show", "Spree").out()).contains("busy now; next free 2030-01-07 10:00", "Now");
        assertThat(cli.json("rooms", "show", "Havel").get("availability").get("freeNow").asBoolean()).isTrue();
    }

    @Test
    void clusterStatusDescribesTheStoreBehindTheCli() {
        seeded();
        JsonNode status = cli.json("cluster", "status");
        assertThat(status.fieldNames()).toIterable().containsExactly("kind", "setName", "writable", "primary",
                "observedAt", "source", "summary", "members");
        assertThat(status.get("writable").asBoolean()).isTrue();
        assertThat(status.get("members").size()).isPositive();
        assertThat(status.get("members").get(0).fieldNames()).toIterable().containsExactly("host", "state",
                "healthy", "lastHeartbeat", "optime", "replicationLagMillis", "pingMillis");
        assertThat(cli.run("cluster", "status").out()).contains("HOST", "STATE", "HEALTH", "LAG");
    }

    @Test
    void clusterCheckReplicationReportsPerMember() {
        seeded();
        JsonNode report = cli.json("cluster", "check-replication", "--timeout", "2s");
        assertThat(report.fieldNames()).toIterable()
                .containsExactly("startedAt", "majorityAcknowledgedAfterMillis", "note", "members");
        assertThat(report.get("members").isArray()).isTrue();
        assertThat(cli.run("cluster", "check-replication").exit()).isZero();
    }

    @Test
    void clusterWatchStopsByItselfAfterFor() {
        seeded();
        Result result = cli.run("cluster", "watch", "--for", "100ms");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("watching: ");
        assertThat(cli.run("--json", "cluster", "watch", "--for", "50ms").out()).isEmpty();
    }

    @Test
    void globalOptionsMayStandBeforeOrAfterTheSubcommand() {
        seeded();
        assertThat(cli.run("--json", "rooms", "list").out()).isEqualTo(cli.run("rooms", "list", "--json").out());
    }
}
