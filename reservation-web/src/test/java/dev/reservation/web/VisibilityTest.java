package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A MEMBER sees someone else's reservation only as a busy slot (no title, no owner) on every page
 * and in every API answer; its owner and ADMINs see it in full, with its audit trail.
 */
class VisibilityTest {
    static final String SECRET = "Alan's secret plan";

    TestApp app;
    Http grace;
    String alans;

    @BeforeEach
    void start() {
        app = TestApp.start();
        grace = app.signedIn(TestApp.GRACE);
        alans = json(app.api(TestApp.ALAN).postJson("/api/v1/reservations", booking("r-spree", "u-alan",
                "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", SECRET, 3))).get("id").asText();
        grace.postJson("/api/v1/reservations", booking("r-spree", "u-grace", "2026-03-02T12:00:00Z",
                "2026-03-02T13:00:00Z", "Grace's own", 2));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theApiShowsAMemberOthersReservationsAsBusySlotsOnly() {
        JsonNode list = json(grace.get("/api/v1/reservations?roomId=r-spree"));
        JsonNode one = json(grace.get("/api/v1/reservations/" + alans));

        JsonNode busy = list.get(0);
        assertThat(busy.get("id").asText()).isEqualTo(alans);
        assertThat(iterable(busy)).containsExactlyInAnyOrder("id", "roomId", "start", "end", "status", "busy");
        assertThat(busy.get("busy").asBoolean()).isTrue();
        assertThat(iterable(one)).containsExactlyInAnyOrder("id", "roomId", "start", "end", "status", "busy");
        assertThat(list.get(1).get("title").asText()).isEqualTo("Grace's own");
        assertThat(list.get(1).get("busy").asBoolean()).isFalse();
        assertThat(list.toString() + one).doesNotContain(SECRET).doesNotContain("u-alan");
    }

    @Test
    void theApiShowsAnAdminEverythingWithTheAuditTrail() {
        JsonNode r = json(app.api(TestApp.ADMIN).get("/api/v1/reservations/" + alans));

        assertThat(r.get("title").asText()).isEqualTo(SECRET);
        assertThat(r.get("userId").asText()).isEqualTo("u-alan");
        assertThat(r.get("createdBy").asText()).isEqualTo("u-alan");
        assertThat(r.get("createdAt").asText()).isEqualTo("2026-03-02T08:00:00Z");
        assertThat(r.has("cancelledBy")).isTrue();
    }

    @Test
    void aConflictShowsAMemberTheOtherBookingAsBusy() {
        Http.Response r = grace.postJson("/api/v1/reservations", booking("r-spree", "u-grace",
                "2026-03-02T10:30:00Z", "2026-03-02T11:30:00Z", "Clash", 1));

        assertThat(r.status()).isEqualTo(409);
        JsonNode conflict = json(r).get("conflicts").get(0);
        assertThat(conflict.get("busy").asBoolean()).isTrue();
        assertThat(conflict.has("title")).isFalse();
        assertThat(json(r).get("suggestions").get("nextFreeSlotInRoom").get("start").asText())
                .isEqualTo("2026-03-02T11:00:00Z");
        assertThat(r.body()).doesNotContain(SECRET).doesNotContain("u-alan");
    }

    @Test
    void pagesShowAMemberOthersReservationsAsBusy() {
        String list = grace.get("/reservations").body();
        String grid = grace.get("/rooms/r-spree?view=day&date=2026-03-02").body();
        String detail = grace.get("/reservations/" + alans).body();

        for (String page : List.of(list, grid, detail)) {
            assertThat(page).contains("Busy").doesNotContain(SECRET).doesNotContain("Alan Turing");
        }
        assertThat(list).contains("Grace's own");
        assertThat(grid).containsPattern("<td class=\"busy start\">Busy</td>");
        assertThat(detail).contains("only the time it takes is shown").doesNotContain("Cancel this reservation");
    }

    @Test
    void theDetailPageShowsOwnerAndAdminTheAuditTrail() {
        Http ada = app.signedIn(TestApp.ADMIN);
        ada.postForm("/reservations/" + alans + "/cancel", java.util.Map.of());

        String page = ada.get("/reservations/" + alans).body();
        String owners = app.signedIn(TestApp.ALAN).get("/reservations/" + alans).body();

        assertThat(page).contains(SECRET, "Alan Turing")
                .containsPattern("id=\"created\">Mon 2 Mar 2026 09:00 \\(Europe/Berlin\\) by Alan Turing")
                .containsPattern("id=\"cancelled\">Mon 2 Mar 2026 09:00 \\(Europe/Berlin\\) by Ada Lovelace");
        assertThat(owners).contains("by Ada Lovelace");
    }

    @Test
    void aMemberFiltersOnlyByThemself() {
        Http.Response apiOther = grace.get("/api/v1/reservations?userId=u-alan");
        Http.Response pageOther = grace.get("/reservations?userId=u-alan");
        Http.Response own = grace.get("/api/v1/reservations?userId=u-grace");

        assertThat(apiOther.status()).isEqualTo(403);
        assertThat(pageOther.status()).isEqualTo(403);
        assertThat(json(own)).hasSize(1);
        assertThat(grace.get("/reservations").body()).as("the user filter offers only herself")
                .doesNotContain("<option value=\"u-alan\"");
        assertThat(json(app.api(TestApp.ADMIN).get("/api/v1/reservations?userId=u-alan"))).hasSize(1);
    }

    static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
