package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Locations as data (pages and API), the finder's location filter and local times, the viewer's
 * own zone beside a room's, and the small things people hit (plain home page, "1 seat", who sees
 * cancelled bookings, the cancel confirmation naming the booking).
 */
class PlacesAndZonesTest {
    TestApp app;
    Http grace;
    Http ada;

    @BeforeEach
    void start() {
        app = TestApp.start();
        grace = app.signedIn(TestApp.GRACE);
        ada = app.signedIn(TestApp.ADMIN);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void listsTheDemoLocationsAndLetsAnAdminAddOneWhoseSiteZoneNewRoomsTake() {
        JsonNode all = json(grace.get("/api/v1/locations"));
        assertThat(all.findValuesAsText("label")).contains("Berlin HQ, 2nd floor", "London office, 5th floor",
                "Brooklyn office, 14th floor");
        assertThat(grace.get("/locations").body()).contains("Brooklyn office", "America/New_York")
                .doesNotContain("id=\"location-form\"");
        assertThat(grace.postForm("/locations", Map.of("site", "Berlin", "building", "Annex")).status())
                .isEqualTo(403);

        Http.Response added = ada.postForm("/locations", Map.of("site", "Berlin", "building", "Berlin HQ",
                "floor", "4th floor", "zone", ""));
        assertThat(added.status()).isEqualTo(303);
        JsonNode annex = json(app.api(TestApp.ADMIN).get("/api/v1/locations")).findParents("floor").stream()
                .filter(l -> "4th floor".equals(l.get("floor").asText())).findFirst().orElseThrow();
        assertThat(annex.get("zone").asText()).as("the site's zone").isEqualTo("Europe/Berlin");

        Http.Response room = app.api(TestApp.ADMIN).postJson("/api/v1/rooms", "{\"name\":\"Loft\",\"capacity\":1,"
                + "\"equipment\":[],\"locationId\":\"" + annex.get("id").asText() + "\"}");
        assertThat(room.status()).isEqualTo(201);
        assertThat(json(room).get("location").asText()).isEqualTo("Berlin HQ, 4th floor");
        assertThat(json(room).get("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(grace.get("/rooms/" + json(room).get("id").asText()).body()).contains("1 seat ")
                .doesNotContain("1 seats");
        Http.Response newSite = ada.postForm("/locations", Map.of("site", "Paris", "building", "Opéra"));
        assertThat(newSite.status()).isEqualTo(400);
        assertThat(newSite.body()).contains("a new site needs a time zone");
    }

    @Test
    void theFinderFiltersByLocationAndShowsEachRoomsLocalTime() {
        String page = grace.get("/rooms?date=2026-03-02&start=10:00&end=11:00&zone=Europe/Berlin&seats=1"
                + "&place=London").body();

        assertThat(page).contains("Free: Mon 2 Mar 2026, 10:00–11:00 (Europe/Berlin), 1+ seats, at London")
                .contains("free Mon 2 Mar 2026, 09:00–10:00 local time");
        String results = page.substring(page.indexOf("id=\"results\""), page.indexOf("All rooms"));
        assertThat(results).contains("Thames", "Camden").doesNotContain("Spree").doesNotContain("Hudson");
        assertThat(grace.get("/rooms").body()).as("what the clock says in each room")
                .contains("09:00 there now").contains("03:00 there now");
    }

    @Test
    void showsTheViewersOwnTimeBesideTheRoomsWhenTheyDiffer() {
        app.api(TestApp.GRACE).postJson("/api/v1/reservations", booking("r-hudson", "u-grace",
                "2026-03-02T15:00:00Z", "2026-03-02T16:00:00Z", "With New York", 2));
        assertThat(grace.postForm("/account/zone", Map.of("zone", "Europe/London")).status()).isEqualTo(303);

        assertThat(grace.get("/reservations").body())
                .contains("Mon 2 Mar 2026, 10:00–11:00 (America/New_York; 15:00–16:00 your time, Europe/London)");
        assertThat(grace.get("/account").body()).contains("value=\"Europe/London\"");

        Http browserOnly = app.signedIn(TestApp.ALAN);
        browserOnly.setCookie("tz", "Europe/Berlin");
        assertThat(browserOnly.get("/reservations").body()).as("the browser's zone when none is saved")
                .contains("16:00–17:00 your time, Europe/Berlin");
    }

    @Test
    void aMemberSeesOthersCancelledReservationsOnlyWhenAskingForCancelledOnes() {
        Http alanApi = app.api(TestApp.ALAN);
        String id = json(alanApi.postJson("/api/v1/reservations", booking("r-havel", "u-alan",
                "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "Alan's", 2))).get("id").asText();
        alanApi.postJson("/api/v1/reservations/" + id + "/cancel", "");

        assertThat(json(app.api(TestApp.GRACE).get("/api/v1/reservations")).findValuesAsText("id")).doesNotContain(id);
        assertThat(grace.get("/reservations").body()).doesNotContain(id);
        assertThat(json(app.api(TestApp.GRACE).get("/api/v1/reservations?status=cancelled")).findValuesAsText("id"))
                .contains(id);
        assertThat(json(app.api(TestApp.ADMIN).get("/api/v1/reservations")).findValuesAsText("id")).contains(id);
    }

    @Test
    void theCancelConfirmationNamesTheBookingAndTheHomePageSpeaksPlainly() {
        app.api(TestApp.GRACE).postJson("/api/v1/reservations", booking("r-spree", "u-grace",
                "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "Design review", 2));

        assertThat(grace.get("/reservations").body())
                .contains("data-confirm=\"Cancel “Design review” in Spree, Mon 2 Mar 2026, 11:00–12:00 (Europe/Berlin)?\"");
        assertThat(grace.get("/").body()).contains("Bookings are open.").doesNotContain("STANDALONE")
                .doesNotContain("Store:");
    }

    @Test
    void clusterJsonNamesDurationsAsTheCliDoes() {
        JsonNode members = json(app.api(TestApp.GRACE).get("/api/v1/cluster")).get("members");
        assertThat(members.get(0).has("pingMillis")).isTrue();
        assertThat(members.get(0).has("pingMs")).isFalse();
    }
}
