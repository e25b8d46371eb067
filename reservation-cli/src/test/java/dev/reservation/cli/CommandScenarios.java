package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.cli.CliHarness.Result;
import java.util.ArrayList;
import java.util.List;
import dev.reservation.core.service.DemoData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every command, as a user runs it, against one kind of store; subclasses choose the store. The
 * clock stands at Monday 2030-01-07 09:00 in Berlin. Reservation scenarios: see
 * {@link ReservationScenarios}.
 */
abstract class CommandScenarios {
    protected CliHarness cli;

    /** A CLI over a fresh, empty store, for each test. */
    protected abstract CliHarness newCli() throws Exception;

    @BeforeEach
    void freshStore() throws Exception {
        cli = newCli();
    }

    /** Whatever a scenario ran, no password and no password hash reached stdout or stderr. */
    @AfterEach
    void printedNoPasswordOrHash() {
        System.clearProperty("org.slf4j.simpleLogger.defaultLogLevel"); // --verbose sets it for the JVM
        assertThat(cli.transcript()).doesNotContain(DemoData.PASSWORD, "pbkdf2", "PBKDF2")
                .doesNotContain(AccountScenarios.SECRETS);
    }

    protected static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }

    @Test
    void seedLoadsTheDemoUsersAndRoomsOnlyOnce() {
        JsonNode first = cli.json("seed");
        assertThat(first.get("usersAdded").asInt()).isEqualTo(5);
        assertThat(first.get("roomsAdded").asInt()).isEqualTo(10);
        assertThat(first.get("demoPasswords").asBoolean()).as("the embedded default gives demo passwords").isTrue();

        JsonNode again = cli.json("seed");
        assertThat(again.get("usersAdded").asInt()).isZero();
        assertThat(again.get("roomsAdded").asInt()).isZero();
        assertThat(cli.run("seed").out()).contains("Nothing to seed");
    }

    @Test
    void usersListShowsTheSeededUsersByNameWithStableFields() {
        cli.run("seed");
        JsonNode users = cli.json("users", "list").get("users");
        assertThat(texts(users, "email")).containsExactly("ada@example.com", "alan@example.com",
                "grace@example.com", "katherine@example.com", "linus@example.com");
        assertThat(users.get(0).fieldNames()).toIterable().containsExactly("id", "name", "email", "role", "active");
        assertThat(users.get(0).get("active").asBoolean()).isTrue();
        assertThat(users.get(0).get("role").asText()).isEqualTo("ADMIN");

        Result table = cli.run("users", "list");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).startsWith("ID").contains("Grace Hopper", "grace@example.com", "MEMBER");
    }

    @Test
    void usersAddCreatesAMemberThatShowFindsByEmailAndById() {
        JsonNode added = cli.json("users", "add", "--name", "Barbara Liskov", "--email", "Barbara@Example.com")
                .get("user");
        assertThat(added.get("email").asText()).isEqualTo("barbara@example.com");
        assertThat(added.get("role").asText()).isEqualTo("MEMBER");

        String id = added.get("id").asText();
        assertThat(cli.json("users", "show", "barbara@example.com").get("user").get("id").asText()).isEqualTo(id);
        assertThat(cli.run("users", "show", id).out()).contains("Barbara Liskov <barbara@example.com>", "MEMBER");
        assertThat(cli.json("users", "add", "--name", "Root", "--email", "root@example.com", "--role", "admin")
                .get("user").get("role").asText()).isEqualTo("ADMIN");
    }

    @Test
    void usersAddRefusesAnEmailThatIsTaken() {
        cli.run("seed");
        Result result = cli.run("users", "add", "--name", "Ada Again", "--email", "ada@example.com");
        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.errLine()).startsWith("already exists: ").doesNotContain("\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void usersShowReportsAnUnknownUserAsNotFound() {
        Result result = cli.run("users", "show", "nobody@example.com");
        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.errLine()).isEqualTo("not found: no user nobody@example.com");
    }

    @Test
    void roomsListShowsTheTenSeededRoomsWithStableFields() {
        cli.run("seed");
        JsonNode rooms = cli.json("rooms", "list").get("rooms");
        assertThat(rooms).hasSize(10);
        assertThat(rooms.get(0).fieldNames()).toIterable()
                .containsExactly("id", "name", "location", "capacity", "equipment", "zone", "active");
        JsonNode spree = findBy(rooms, "name", "Spree");
        assertThat(spree.get("capacity").asInt()).isEqualTo(4);
        assertThat(spree.get("equipment").toString()).isEqualTo("[\"whiteboard\",\"screen\"]");
        assertThat(spree.get("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(cli.run("rooms", "list").out()).contains("Phone Booth B1", "America/New_York");
    }

    @Test
    void roomsAddTakesEquipmentRepeatedOrCommaSeparated() {
        JsonNode room = cli.json("rooms", "add", "--name", "Loft", "--location", "Berlin HQ, roof",
                "--capacity", "14", "--equipment", "projector,phone", "--equipment", "video-conferencing",
                "--zone", "Europe/Paris").get("room");
        assertThat(room.get("equipment").toString()).isEqualTo("[\"projector\",\"video-conferencing\",\"phone\"]");
        assertThat(room.get("zone").asText()).isEqualTo("Europe/Paris");
        assertThat(cli.json("rooms", "show", "loft").get("room").get("id").asText())
                .isEqualTo(room.get("id").asText());
    }

    @Test
    void roomsAddRefusesUnknownEquipmentAsAUsageError() {
        Result result = cli.run("rooms", "add", "--name", "X", "--location", "Y", "--capacity", "2",
                "--equipment", "espresso-machine");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLine()).startsWith("usage error: ").contains("unknown equipment 'espresso-machine'");
    }

    @Test
    void roomsAddRefusesANameThatIsTaken() {
        cli.run("seed");
        Result result = cli.run("rooms", "add", "--name", "spree", "--location", "Y", "--capacity", "2");
        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.errLine()).startsWith("already exists: ");
    }

    @Test
    void roomsShowReportsAnUnknownRoomAsNotFound() {
        Result result = cli.run("rooms", "show", "Atlantis");
        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.errLine()).isEqualTo("not found: no room Atlantis");
    }

    @Test
    void roomsFreeListsTheSmallestFittingRoomsFirst() {
        cli.run("seed");
        JsonNode free = cli.json("rooms", "free", "--start", "2030-01-07 10:00", "--duration", "1h",
                "--seats", "5", "--equipment", "video-conferencing");
        assertThat(free.get("start").asText()).isEqualTo("2030-01-07T09:00:00Z");
        assertThat(free.get("end").asText()).isEqualTo("2030-01-07T10:00:00Z");
        assertThat(free.get("equipment").toString()).isEqualTo("[\"video-conferencing\"]");
        assertThat(texts(free.get("rooms"), "name"))
                .containsExactly("Havel", "Thames", "Hudson", "Tiergarten", "Auditorium");

        cli.run("reserve", "--room", "Havel", "--user", "ada@example.com", "--start", "2030-01-07 10:30",
                "--duration", "15m", "--title", "Sync");
        JsonNode after = cli.json("rooms", "free", "--at", "2030-01-07T09:00:00Z", "--end", "2030-01-07T10:00:00Z",
                "--seats", "5", "--equipment", "video-conferencing");
        assertThat(texts(after.get("rooms"), "name")).containsExactly("Thames", "Hudson", "Tiergarten", "Auditorium");
        assertThat(cli.run("rooms", "free", "--at", "tomorrow 10:00", "--duration", "30m", "--seats", "100").out())
                .contains("(no room with enough seats");
    }

    @Test
    void roomsFreeNeedsEitherAnEndOrADuration() {
        Result result = cli.run("rooms", "free", "--at", "2030-01-07 10:00");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLine()).isEqualTo("invalid end: give either --end or --duration");
    }

    protected static JsonNode findBy(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }
}
