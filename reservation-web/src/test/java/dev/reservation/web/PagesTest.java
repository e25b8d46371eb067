package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.assertNoInternals;
import static dev.reservation.web.support.JsonAssert.booking;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server-rendered pages, read as HTML by a signed-in ADMIN (who sees every reservation in
 * full; what members see is in {@link VisibilityTest}). The test clock stands at Monday 2 March
 * 2026, 08:00 UTC.
 */
class PagesTest {
    TestApp app;
    Http http;

    @BeforeEach
    void start() {
        app = TestApp.start();
        http = app.signedIn(TestApp.ADMIN);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    void book(String room, String user, String start, String end, String title) {
        assertThat(http.postJson("/api/v1/reservations", booking(room, user, start, end, title, 1)).status())
                .isEqualTo(201);
    }

    @Test
    void homeLinksEveryPageAndOffersTheFreeRoomFinder() {
        Http.Response home = http.get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.header("Content-Type")).startsWith("text/html");
        assertThat(home.body()).contains("href=\"/rooms\"", "href=\"/reserve\"", "href=\"/reservations\"",
                "href=\"/users\"", "href=\"/cluster\"", "Find free rooms", "name=\"equipment\"", "Ada Lovelace",
                "Sign out").doesNotContain("Acting as");
        assertThat(home.body()).as("the finder starts in the zone most rooms are in")
                .contains("<option value=\"Europe/Berlin\" selected>");
    }

    @Test
    void listsUsersWithNameEmailAndRole() {
        assertThat(http.get("/users").body()).contains("Ada Lovelace", "ada@example.com", "ADMIN", "Grace Hopper",
                "MEMBER", "active");
    }

    @Test
    void listsRoomsWithWhetherEachIsFreeNowAndWhenItIsNextFree() {
        book("r-spree", "u-grace", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z", "Early");

        String page = http.get("/rooms").body();

        assertThat(page).contains("Berlin HQ, 2nd floor", "video-conferencing", "Europe/Berlin");
        assertThat(page).contains("busy; free from Mon 2 Mar 2026 10:00").contains("free now");
    }

    @Test
    void findsFreeRoomsByTimeSeatsAndEquipmentWithReserveLinks() {
        book("r-thames", "u-grace", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "Busy");

        String page = http.get("/rooms?date=2026-03-02&start=10:00&end=11:00&zone=Europe/London&seats=5"
                + "&equipment=video-conferencing").body();

        assertThat(page).contains("Free: Mon 2 Mar 2026, 10:00–11:00 (Europe/London), 5+ seats, with video-conferencing");
        String results = page.substring(page.indexOf("id=\"results\""), page.indexOf("All rooms"));
        assertThat(results).contains("Hudson", "Tiergarten").doesNotContain("Thames").doesNotContain("Spree");
        assertThat(results).contains("/reserve?roomId=r-tiergarten&amp;date=2026-03-02&amp;start=11%3A00&amp;end=12%3A00");
    }

    @Test
    void showsFinderErrorsNextToTheFieldsForAnImpossibleDate() {
        Http.Response r = http.get("/rooms?date=2026-02-30&start=10:00&end=11:00&zone=Europe/Berlin&seats=x");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("'2026-02-30' is not a real date").contains("seats must be a whole number")
                .contains("value=\"2026-02-30\"");
    }

    @Test
    void showsARoomsWeekAsATimeGridInTheRoomsZone() {
        book("r-spree", "u-grace", "2026-03-04T10:00:00Z", "2026-03-04T11:00:00Z", "Wednesday review");

        String week = http.get("/rooms/r-spree").body();
        String day = http.get("/rooms/r-spree?view=day&date=2026-03-04").body();

        assertThat(week).contains("Mon 2 Mar", "Sun 8 Mar", "Wednesday review", "times in <strong>Europe/Berlin");
        assertThat(week).contains("<th class=\"time\" scope=\"row\">11:00</th>");
        assertThat(day).contains("Wed 4 Mar").doesNotContain("Thu 5 Mar");
        assertThat(day).containsPattern("<th class=\"time\" scope=\"row\">11:00</th>\\s*<td class=\"busy start\"><span class=\"visually-hidden\">Busy: </span>Wednesday review</td>");
        assertThat(day).containsPattern("<th class=\"time\" scope=\"row\">11:30</th>\\s*<td class=\"busy\"><span class=\"visually-hidden\">busy</span></td>");
        assertThat(day).containsPattern("<th class=\"time\" scope=\"row\">12:00</th>\\s*<td class=\"free\"><a href=\"/reserve\\?");
    }

    @Test
    void showsAFriendlyNotFoundPageForAnUnknownRoomOrPath() {
        Http.Response room = http.get("/rooms/r-atlantis");
        Http.Response path = http.get("/no/such/page");

        assertThat(room.status()).isEqualTo(404);
        assertThat(room.body()).contains("Not found").contains("no room r-atlantis");
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.header("Content-Type")).startsWith("text/html");
        assertNoInternals(room);
    }

    @Test
    void filtersReservationsByRoomUserDatesAndStatus() {
        book("r-spree", "u-grace", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "Spree talk");
        book("r-havel", "u-alan", "2026-03-03T10:00:00Z", "2026-03-03T11:00:00Z", "Havel talk");

        assertThat(http.get("/reservations").body()).contains("Spree talk", "Havel talk", "Grace Hopper");
        assertThat(http.get("/reservations?roomId=r-havel").body()).contains("Havel talk").doesNotContain("Spree talk");
        assertThat(http.get("/reservations?userId=u-grace").body()).contains("Spree talk").doesNotContain("Havel talk");
        assertThat(http.get("/reservations?from=2026-03-03&to=2026-03-03").body()).contains("Havel talk")
                .doesNotContain("Spree talk");
        assertThat(http.get("/reservations?status=CANCELLED").body()).doesNotContain("Havel talk");
        Http.Response bad = http.get("/reservations?from=2026-02-30");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("not a real date");
    }

    @Test
    void saysTheClusterIsASingleEmbeddedNodeOrTheInMemoryStore() {
        String inMemory = http.get("/cluster").body();
        app.stores().cluster().embedded();
        String embedded = http.get("/cluster").body();
        app.stores().cluster().replicaSet(true);
        String replicaSet = http.get("/cluster").body();

        assertThat(inMemory).contains("in-memory store");
        assertThat(embedded).contains("A single embedded node").contains("STANDALONE");
        assertThat(replicaSet).contains("Replica set rs0 with a primary: db1:27017").contains("PRIMARY")
                .contains("40 ms").contains("s ago");
    }
}
