package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.core.ops.DisplayTokens;
import dev.reservation.core.service.ApiTokens;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.MutableClock;
import dev.reservation.web.support.Stores;
import dev.reservation.web.support.TestApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A door-display token is an API token of scope display for its room: it opens that room's door
 * display and nothing else (not the API), an API token opens no display, its last use is shown to
 * admins, and a new one or a revocation stops the old at once here and within seconds elsewhere.
 */
class DisplayTokenWebTest {
    TestApp app;
    TestApp other;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (other != null) {
            other.close();
        }
    }

    static String issue(Http admin, String room) {
        Http.Response t = admin.postJson("/api/v1/rooms/" + room + "/display-token", "");
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        assertThat(t.header("Cache-Control")).isEqualTo("no-store");
        String token = json(t).get("token").asText();
        assertThat(token).matches("rsv_[A-Za-z0-9_-]{43}");
        assertThat(json(t).get("url").asText()).isEqualTo("/display/rooms/" + room + "?token=" + token);
        return token;
    }

    @Test
    void aDisplayTokenOpensItsDoorOnlyNeverTheApiAndAnApiTokenOpensNoDoor() {
        app = TestApp.start();
        Http admin = app.api(TestApp.ADMIN);
        String token = issue(admin, "r-spree");
        Http door = app.http();

        Http.Response api = app.bearer(token).get("/api/v1/reservations");
        assertThat(api.status()).as(api.body()).isEqualTo(403);
        assertThat(json(api).get("detail").asText()).contains("door-display token").contains("never the API");
        assertThat(app.bearer(token).get("/api/v1/rooms/r-spree/display-token").status()).isEqualTo(403);
        assertThat(app.bearer(token).postJson("/api/v1/rooms/r-spree/display-token", "").status()).isEqualTo(403);
        assertThat(json(admin.get("/api/v1/tokens"))).as("not among the admin's personal tokens").isEmpty();

        Http.Response made = admin.postJson("/api/v1/tokens", "{\"name\":\"ops\",\"scope\":\"admin\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String apiToken = json(made).get("token").asText();
        assertThat(door.get("/display/rooms/r-spree?token=" + apiToken).status()).isEqualTo(403);
        assertThat(door.get("/display/rooms/r-spree/state", "X-Display-Token", apiToken).status()).isEqualTo(403);
        Http.Response asDisplay = admin.postJson("/api/v1/tokens", "{\"name\":\"door\",\"scope\":\"display\"}");
        assertThat(asDisplay.status()).as("nobody picks the display scope").isEqualTo(400);

        assertThat(door.get("/display/rooms/r-havel?token=" + token).status()).isEqualTo(403);
        assertThat(door.get("/display/rooms/r-spree?token=" + token).status()).isEqualTo(200);
    }

    @Test
    void anAdminSeesWhenTheDisplayWasLastUsedAndAMemberDoesNot() {
        app = TestApp.start();
        Http admin = app.api(TestApp.ADMIN);
        JsonNode none = json(admin.get("/api/v1/rooms/r-spree/display-token"));
        assertThat(none.get("hasDisplay").asBoolean()).isFalse();
        assertThat(none.get("tokenId").isNull()).isTrue();
        assertThat(json(admin.get("/api/v1/rooms/r-spree/operations")).get("hasDisplay").asBoolean()).isFalse();

        String token = issue(admin, "r-spree");
        JsonNode issued = json(admin.get("/api/v1/rooms/r-spree/display-token"));
        assertThat(issued.get("hasDisplay").asBoolean()).isTrue();
        assertThat(issued.get("legacy").asBoolean()).isFalse();
        assertThat(issued.get("name").asText()).isEqualTo("Door display of Spree");
        assertThat(issued.get("createdAt").asText()).isEqualTo(app.clock().instant().toString());
        assertThat(issued.get("lastUsedAt").isNull()).isTrue();
        assertThat(json(admin.get("/api/v1/rooms/r-spree/operations")).get("hasDisplay").asBoolean()).isTrue();

        app.clock().advance(Duration.ofMinutes(3));
        assertThat(app.http().get("/display/rooms/r-spree/state", "X-Display-Token", token).status()).isEqualTo(200);
        assertThat(json(admin.get("/api/v1/rooms/r-spree/display-token")).get("lastUsedAt").asText())
                .isEqualTo(app.clock().instant().toString());
        assertThat(app.api(TestApp.GRACE).get("/api/v1/rooms/r-spree/display-token").status()).isEqualTo(403);

        Http pages = app.signedIn(TestApp.ADMIN);
        String page = pages.get("/rooms/r-spree/operations").body();
        assertThat(page).contains("id=\"display-token-info\"").contains("This room has a door display token, issued")
                .contains("id=\"revoke-display-token\"").doesNotContain(token);
    }

    @Test
    void aNewTokenOrARevocationStopsTheOldAtOnceHereAndWithinSecondsOnAnotherInstance() {
        MutableClock clock = MutableClock.atMonday();
        Stores stores = Stores.inMemory(clock);
        app = TestApp.start(stores, clock, WebSettings.DEFAULT);
        other = TestApp.start(stores, clock, WebSettings.DEFAULT);
        Http admin = app.api(TestApp.ADMIN);
        String first = issue(admin, "r-spree");
        assertThat(app.http().get("/display/rooms/r-spree/state", "X-Display-Token", first).status()).isEqualTo(200);
        assertThat(other.http().get("/display/rooms/r-spree/state", "X-Display-Token", first).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        String second = issue(admin, "r-spree");
        assertThat(app.http().get("/display/rooms/r-spree/state", "X-Display-Token", first).status())
                .as("at once on the instance that replaced it").isEqualTo(403);
        assertThat(app.http().get("/display/rooms/r-spree/state", "X-Display-Token", second).status()).isEqualTo(200);
        clock.advance(ApiTokens.DEFAULT_CACHE.plusSeconds(1));
        assertThat(other.http().get("/display/rooms/r-spree/state", "X-Display-Token", first).status())
                .as("on the other within the cache's bound").isEqualTo(403);
        assertThat(stores.apiTokens().forUser("display:r-spree")).as("one per room").hasSize(1);

        assertThat(admin.delete("/api/v1/rooms/r-spree/display-token").status()).isEqualTo(204);
        assertThat(app.http().get("/display/rooms/r-spree/state", "X-Display-Token", second).status()).isEqualTo(403);
        assertThat(json(admin.get("/api/v1/rooms/r-spree/display-token")).get("hasDisplay").asBoolean()).isFalse();
        assertThat(stores.apiTokens().forUser("display:r-spree")).isEmpty();
    }

    @Test
    void aDisplaySetUpByAnOlderVersionKeepsWorkingUntilItsTokenIsReplacedOrRevoked() {
        app = TestApp.start();
        String old = DisplayTokens.newToken();
        var settings = app.stores().roomOperations();
        settings.put(dev.reservation.core.ops.RoomOperations.defaults("r-spree")
                .withDisplayTokenHash(DisplayTokens.hash(old)));
        settings.put(dev.reservation.core.ops.RoomOperations.defaults("r-havel")
                .withDisplayTokenHash(DisplayTokens.hash(old)));
        Http door = app.http();
        assertThat(door.get("/display/rooms/r-spree?token=" + old).status()).isEqualTo(200);
        Http admin = app.api(TestApp.ADMIN);
        JsonNode status = json(admin.get("/api/v1/rooms/r-spree/display-token"));
        assertThat(status.get("hasDisplay").asBoolean()).isTrue();
        assertThat(status.get("legacy").asBoolean()).isTrue();
        assertThat(json(admin.get("/api/v1/rooms/r-spree/operations")).get("hasDisplay").asBoolean()).isTrue();
        assertThat(app.bearer(old).get("/api/v1/reservations").status()).as("never the API").isEqualTo(401);

        Http pages = app.signedIn(TestApp.ADMIN);
        assertThat(pages.get("/rooms/r-spree/operations").body()).contains("of an older version");
        Http.Response replaced = pages.postForm("/rooms/r-spree/display-token", Map.of());
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body()).containsPattern("/display/rooms/r-spree\\?token=rsv_[A-Za-z0-9_-]{43}");
        assertThat(door.get("/display/rooms/r-spree?token=" + old).status()).as("replaced").isEqualTo(403);
        assertThat(json(admin.get("/api/v1/rooms/r-spree/display-token")).get("legacy").asBoolean()).isFalse();

        assertThat(door.get("/display/rooms/r-havel?token=" + old).status()).isEqualTo(200);
        Http.Response revoked = pages.postForm("/rooms/r-havel/display-token/revoke", Map.of());
        assertThat(revoked.status()).isEqualTo(303);
        assertThat(pages.get("/rooms/r-havel/operations?done=display-revoked").body())
                .contains("Display token revoked").contains("No door display yet");
        assertThat(door.get("/display/rooms/r-havel?token=" + old).status()).as("revoked").isEqualTo(403);
    }
}
