package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.assertNoInternals;
import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ADMINs manage users and rooms through the API and the pages; members may not. */
class AdminTest {
    static final String ROOM = "{\"name\":\"Annex\",\"location\":\"Berlin HQ, 4th floor\",\"capacity\":6,"
            + "\"equipment\":[\"screen\",\"phone\"],\"zone\":\"Europe/Berlin\"}";

    TestApp app;
    Http admin;

    @BeforeEach
    void start() {
        app = TestApp.start();
        admin = app.api(TestApp.ADMIN);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void createsAUserWhoSignsInOnceGivenAPassword() {
        Http.Response created = admin.postJson("/api/v1/users", "{\"name\":\"Eve Newton\",\"email\":\"eve@example.com\"}");
        String id = json(created).get("id").asText();
        Http eve = new Http(app.url("")).withBasic("eve@example.com", "eves-password-1");
        Http.Response before = eve.get("/api/v1/rooms");

        Http.Response password = admin.postJson("/api/v1/users/" + id + "/password", "{\"password\":\"eves-password-1\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + id);
        assertThat(json(created).get("role").asText()).isEqualTo("MEMBER");
        assertThat(json(created).get("active").asBoolean()).isTrue();
        assertThat(before.status()).as("no password yet").isEqualTo(401);
        assertThat(password.status()).isEqualTo(204);
        assertThat(password.body()).isEmpty();
        assertThat(eve.get("/api/v1/rooms").status()).isEqualTo(200);
        assertThat(app.http().signIn("eve@example.com", "eves-password-1").status()).isEqualTo(303);
    }

    @Test
    void refusesInvalidOrDuplicateUsersAndWeakPasswords() {
        Http.Response duplicate = admin.postJson("/api/v1/users", "{\"name\":\"Grace 2\",\"email\":\"GRACE@example.com\"}");
        Http.Response invalid = admin.postJson("/api/v1/users", "{\"name\":\"\",\"email\":\"not-an-email\","
                + "\"role\":\"OWNER\"}");
        Http.Response weak = admin.postJson("/api/v1/users/u-grace/password", "{\"password\":\"short\"}");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(json(invalid).get("fields").fieldNames()).toIterable().contains("name", "role");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(json(weak).get("fields").get("password").asText()).contains("8").doesNotContain("short");
        assertNoInternals(invalid);
    }

    @Test
    void editsDeactivatesAndReactivatesAUser() {
        Http.Response promoted = admin.put("/api/v1/users/u-alan", "{\"role\":\"ADMIN\"}");
        Http.Response deactivated = admin.post("/api/v1/users/alan@example.com/deactivate", null, "");

        assertThat(json(promoted).get("role").asText()).isEqualTo("ADMIN");
        assertThat(json(promoted).get("name").asText()).isEqualTo("Alan Turing");
        assertThat(json(deactivated).get("active").asBoolean()).isFalse();
        assertThat(app.api(TestApp.ALAN).get("/api/v1/rooms").status()).isEqualTo(401);
        assertThat(app.http().signIn(TestApp.ALAN, TestApp.PASSWORD).status()).isEqualTo(401);
        assertThat(admin.postJson("/api/v1/reservations", booking("r-spree", "u-alan", "2026-03-02T10:00:00Z",
                "2026-03-02T11:00:00Z", "x", 1)).status()).as("nobody books for a deactivated user").isEqualTo(400);

        assertThat(json(admin.post("/api/v1/users/u-alan/reactivate", null, "")).get("active").asBoolean()).isTrue();
        assertThat(app.api(TestApp.ALAN).get("/api/v1/rooms").status()).isEqualTo(200);
    }

    @Test
    void anAdminCannotDeactivateThemself() {
        Http.Response r = admin.post("/api/v1/users/u-ada/deactivate", null, "");

        assertThat(r.status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/rooms").status()).isEqualTo(200);
    }

    @Test
    void createsEditsDeactivatesAndReactivatesARoom() {
        Http.Response created = admin.postJson("/api/v1/rooms", ROOM);
        String id = json(created).get("id").asText();
        Http.Response edited = admin.put("/api/v1/rooms/" + id, ROOM.replace("\"capacity\":6", "\"capacity\":8"));
        Http.Response deactivated = admin.post("/api/v1/rooms/Annex/deactivate", null, "");
        Http.Response booking = admin.postJson("/api/v1/reservations", booking(id, "u-grace", "2026-03-02T10:00:00Z",
                "2026-03-02T11:00:00Z", "x", 1));
        JsonNode free = json(admin.get("/api/v1/rooms/free?start=2026-03-02T10:00:00Z&end=2026-03-02T11:00:00Z"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/rooms/" + id);
        assertThat(json(created).get("equipment").toString()).isEqualTo("[\"screen\",\"phone\"]");
        assertThat(json(edited).get("capacity").asInt()).isEqualTo(8);
        assertThat(json(deactivated).get("active").asBoolean()).isFalse();
        assertThat(booking.status()).isEqualTo(400);
        assertThat(free.findValuesAsText("id")).doesNotContain(id);
        assertThat(json(admin.post("/api/v1/rooms/" + id + "/reactivate", null, "")).get("active").asBoolean())
                .isTrue();
    }

    @Test
    void refusesInvalidOrDuplicateRooms() {
        Http.Response invalid = admin.postJson("/api/v1/rooms", "{\"name\":\"X\",\"location\":\"\",\"capacity\":0,"
                + "\"equipment\":[\"hologram\"],\"zone\":\"Mars/Olympus\"}");
        Http.Response duplicate = admin.postJson("/api/v1/rooms", ROOM.replace("Annex", "spree"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(json(invalid).get("fields").fieldNames()).toIterable()
                .contains("location", "capacity", "equipment", "zone");
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void managesUsersThroughThePages() {
        Http ada = app.signedIn(TestApp.ADMIN);

        Http.Response created = ada.postForm("/users", Map.of("name", "Eve Newton", "email", "eve@example.com",
                "role", "MEMBER"));
        String edit = created.header("Location");
        String id = edit.substring("/users/".length(), edit.indexOf("/edit"));
        Http.Response password = ada.postForm("/users/" + id + "/password", Map.of("password", "eves-password-1"));
        Http.Response renamed = ada.postForm("/users/" + id, Map.of("name", "Eve N. Newton", "role", "ADMIN"));

        assertThat(created.status()).isEqualTo(303);
        assertThat(ada.get(edit).body()).contains("Created. Now set a password");
        assertThat(password.status()).isEqualTo(303);
        assertThat(renamed.status()).isEqualTo(303);
        assertThat(ada.get("/users").body()).contains("Eve N. Newton", "eve@example.com");
        assertThat(app.http().signIn("eve@example.com", "eves-password-1").status()).isEqualTo(303);
        Http.Response duplicate = ada.postForm("/users", Map.of("name", "Again", "email", "eve@example.com"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).contains("value=\"Again\"").contains("field-error");
    }

    @Test
    void managesRoomsThroughThePages() {
        Http ada = app.signedIn(TestApp.ADMIN);

        Http.Response bad = ada.postForm("/rooms", Map.of("name", "Annex", "location", "", "capacity", "many",
                "zone", "Europe/Berlin"));
        Http.Response created = ada.postForm("/rooms", Map.of("name", "Annex", "location", "Berlin HQ, 4th floor",
                "capacity", "6", "zone", "Europe/Berlin", "equipment", "screen"));
        String page = created.header("Location");
        Http.Response deactivated = ada.postForm(page + "/deactivate", Map.of());

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("location is required").contains("capacity must be a whole number")
                .contains("value=\"Annex\"");
        assertThat(created.status()).isEqualTo(303);
        assertThat(ada.get(page).body()).contains("Annex", "Berlin HQ, 4th floor", "deactivated");
        assertThat(deactivated.status()).isEqualTo(303);
        assertThat(ada.get(page + "/edit").body()).contains("Reactivate");
    }

    @Test
    void showsMembersNoManagementAndRefusesThemWith403() {
        Http grace = app.signedIn(TestApp.GRACE);

        assertThat(grace.get("/users").body()).doesNotContain("New user").doesNotContain("Deactivate");
        assertThat(grace.get("/rooms").body()).doesNotContain("New room");
        for (String page : List.of("/users/new", "/users/u-alan/edit", "/rooms/new", "/rooms/r-spree/edit")) {
            assertThat(grace.get(page).status()).as(page).isEqualTo(403);
        }
        assertThat(grace.postForm("/users/u-alan/deactivate", Map.of()).status()).isEqualTo(403);
        assertThat(grace.postForm("/rooms", Map.of("name", "Mine", "location", "x", "capacity", "2",
                "zone", "UTC")).status()).isEqualTo(403);
        assertThat(app.http().signIn(TestApp.ALAN, TestApp.PASSWORD).status()).as("alan is still active")
                .isEqualTo(303);
    }

    @Test
    void letsEveryoneChangeTheirOwnPasswordGivenTheCurrentOne() {
        Http grace = app.signedIn(TestApp.GRACE);
        Http otherSession = app.signedIn(TestApp.GRACE);

        Http.Response wrong = grace.postForm("/account/password", Map.of("current", "not-it-at-all",
                "password", "grace-new-pass"));
        Http.Response changed = grace.postForm("/account/password", Map.of("current", TestApp.PASSWORD,
                "password", "grace-new-pass"));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("not your current password");
        assertThat(changed.status()).isEqualTo(303);
        assertThat(grace.get("/account?changed=1").body()).contains("Password changed");
        assertThat(otherSession.get("/").status()).as("other sessions end").isEqualTo(303);
        assertThat(app.http().signIn(TestApp.GRACE, "grace-new-pass").status()).isEqualTo(303);
        assertThat(app.http().signIn(TestApp.GRACE, TestApp.PASSWORD).status()).isEqualTo(401);
    }
}
