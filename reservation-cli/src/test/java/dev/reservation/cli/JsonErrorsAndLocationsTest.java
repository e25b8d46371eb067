package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.cli.CliHarness.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** --json failures as a document on stdout, locations as data, and what `reserve --help` says of --user. */
class JsonErrorsAndLocationsTest {
    CliHarness cli;

    @BeforeEach
    void seeded() {
        cli = new CliHarness(new TestStores());
        assertThat(cli.run("seed").exit()).isZero();
    }

    @Test
    void aJsonRunThatFailsPrintsAnErrorDocumentOnStdoutAndTheLineOnStderr() {
        Result r = cli.run("--json", "reserve", "--room", "Atlantis", "--user", "grace@example.com",
                "--start", "2030-01-07 10:00", "--end", "11:00", "--title", "Nowhere");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.errLine()).startsWith("not found:");
        JsonNode error = r.json().get("error");
        assertThat(error.get("exit").asInt()).isEqualTo(3);
        assertThat(error.get("kind").asText()).isEqualTo("NOT_FOUND");
        assertThat(error.get("message").asText()).isEqualTo(r.errLine());

        Result usage = cli.run("--json", "reserve", "--bogus");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.json().get("error").get("kind").asText()).isEqualTo("USAGE");
        assertThat(cli.run("reserve", "--bogus").out()).as("no document without --json").isEmpty();
    }

    @Test
    void listsAddsAndEditsLocationsAndAddsARoomAtOne() {
        JsonNode all = cli.json("locations", "list").get("locations");
        assertThat(all.findValuesAsText("label")).contains("Berlin HQ, 2nd floor", "Brooklyn office, 14th floor");

        JsonNode added = cli.json("locations", "add", "--site", "Berlin", "--building", "Berlin HQ", "--floor", "roof")
                .get("location");
        assertThat(added.get("zone").asText()).as("the site's zone").isEqualTo("Europe/Berlin");
        JsonNode room = cli.json("rooms", "add", "--name", "Sky", "--capacity", "1",
                "--location-id", added.get("id").asText()).get("room");
        assertThat(room.get("location").asText()).isEqualTo("Berlin HQ, roof");
        assertThat(room.get("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(cli.run("rooms", "show", "Sky").out()).contains("Sky  id ").contains(", 1 seat, ");

        cli.json("locations", "edit", added.get("id").asText(), "--floor", "rooftop");
        assertThat(cli.json("rooms", "show", "Sky").get("room").get("location").asText()).isEqualTo("Berlin HQ, rooftop");
        Result member = cli.as("grace@example.com").run("locations", "add", "--site", "X", "--building", "Y",
                "--zone", "UTC");
        assertThat(member.exit()).isEqualTo(5);
    }

    @Test
    void reserveHelpSaysWhenUserIsRequired() {
        assertThat(cli.run("reserve", "--help").out()).contains("default: the --as user")
                .contains("without --as it is required");
    }
}
