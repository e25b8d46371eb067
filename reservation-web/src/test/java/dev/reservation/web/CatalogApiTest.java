package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogApiTest {
    TestApp app;
    Http http;

    @BeforeEach
    void start() {
        app = TestApp.start();
        http = app.api(TestApp.GRACE);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void listsTheSeededUsersAndRooms() {
        JsonNode users = json(http.get("/api/v1/users"));
        JsonNode rooms = json(http.get("/api/v1/rooms"));

        assertThat(users).hasSize(5);
        assertThat(users.findValuesAsText("email")).contains("ada@example.com");
        assertThat(rooms).hasSize(10);
        JsonNode spree = json(http.get("/api/v1/rooms/r-spree"));
        assertThat(spree.get("equipment").toString()).isEqualTo("[\"whiteboard\",\"screen\"]");
        assertThat(json(http.get("/api/v1/users/grace@example.com")).get("id").asText()).isEqualTo("u-grace");
    }

    @Test
    void showsARoomFreeNowAndWhenItIsNextFreeOnceBooked() {
        JsonNode before = json(http.get("/api/v1/rooms/r-spree"));
        http.postJson("/api/v1/reservations",
                booking("r-spree", "u-grace", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z", "Now", 2));
        JsonNode after = json(http.get("/api/v1/rooms/Spree"));

        assertThat(before.get("freeNow").asBoolean()).isTrue();
        assertThat(after.get("freeNow").asBoolean()).isFalse();
        assertThat(after.get("nextFreeAt").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(after.get("nextFreeAtLocal").asText()).isEqualTo("2026-03-02T10:00");
    }

    @Test
    void reportsAFreeRoomAsFreeWithAClockFinerThanMilliseconds() {
        app.clock().set(java.time.Instant.parse("2026-03-02T08:00:00.123456789Z"));

        assertThat(json(http.get("/api/v1/rooms/r-spree")).get("freeNow").asBoolean()).isTrue();
        assertThat(http.get("/rooms").body()).doesNotContain("busy;");
    }

    @Test
    void findsFreeRoomsSmallestFirstWithTheAskedEquipment() {
        http.postJson("/api/v1/reservations",
                booking("r-havel", "u-grace", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "Busy", 2));

        JsonNode free = json(http.get("/api/v1/rooms/free?start=2026-03-02T10:00:00Z&end=2026-03-02T11:00:00Z"
                + "&seats=5&equipment=video-conferencing"));

        assertThat(free.findValuesAsText("id")).containsExactly("r-thames", "r-hudson", "r-tiergarten",
                "r-auditorium");
    }

    @Test
    void refusesBadFreeRoomSearches() {
        Http.Response r = http.get("/api/v1/rooms/free?start=2026-03-02T10:00:00Z&seats=0&equipment=hologram");

        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("fields").fieldNames()).toIterable().contains("end", "seats", "equipment");
        assertThat(json(r).get("fields").get("equipment").asText()).contains("hologram").contains("projector");
    }

    @Test
    void answers404ForAnUnknownRoom() {
        assertThat(http.get("/api/v1/rooms/r-atlantis").status()).isEqualTo(404);
    }

    @Test
    void showsTheClusterAsTheAppSeesIt() {
        JsonNode inMemory = json(http.get("/api/v1/cluster"));
        app.stores().cluster().replicaSet(true);
        JsonNode rs = json(http.get("/api/v1/cluster"));

        assertThat(inMemory.get("kind").asText()).isEqualTo("IN_MEMORY");
        assertThat(inMemory.get("writable").asBoolean()).isTrue();
        assertThat(rs.get("setName").asText()).isEqualTo("rs0");
        assertThat(rs.get("primary").asText()).isEqualTo("db1:27017");
        assertThat(rs.get("members").findValuesAsText("state")).containsExactly("PRIMARY", "SECONDARY", "ARBITER");
        assertThat(rs.get("members").get(1).get("replicationLagMillis").asLong()).isEqualTo(40);
    }

    @Test
    void isLiveAndReadyWithAWritableStore() {
        Http.Response live = http.get("/health/live");
        Http.Response ready = http.get("/health/ready");

        assertThat(app.http().get("/health/ready").status()).as("health needs no sign-in").isEqualTo(200);
        assertThat(live.status()).isEqualTo(200);
        assertThat(json(live).get("status").asText()).isEqualTo("UP");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(json(ready).get("status").asText()).isEqualTo("READY");
        assertThat(json(ready).get("primary").asText()).isEqualTo("in-process");
    }
}
