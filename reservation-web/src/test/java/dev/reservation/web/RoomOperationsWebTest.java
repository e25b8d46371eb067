package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Room operations through the web: approval, quotas, check-in, the door display, reports, by API and pages. */
class RoomOperationsWebTest {
    static final String TEN = "2026-03-02T10:00:00Z";
    static final String ELEVEN = "2026-03-02T11:00:00Z";

    TestApp app;
    Http ada;
    Http grace;

    @BeforeEach
    void start() {
        app = TestApp.start();
        ada = app.api(TestApp.ADMIN);
        grace = app.api(TestApp.GRACE);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Http.Response book(Http who, String room, String start, String end) {
        return who.postJson("/api/v1/reservations", booking(room, "u-grace", start, end, "Standup", 2));
    }

    @Test
    void aRequestToAnApprovalRoomIsPendingHoldsItsSlotAndIsApprovedWithAReason() {
        Http.Response set = ada.put("/api/v1/rooms/r-spree/operations", "{\"requiresApproval\": true}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(json(set).get("requiresApproval").asBoolean()).isTrue();
        assertThat(grace.put("/api/v1/rooms/r-spree/operations", "{\"requiresApproval\": false}").status()).isEqualTo(403);

        Http.Response request = book(grace, "r-spree", TEN, ELEVEN);
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        assertThat(json(request).get("status").asText()).isEqualTo("PENDING");
        String id = json(request).get("id").asText();
        Http.Response over = ada.postJson("/api/v1/reservations", booking("r-spree", "u-ada", TEN, ELEVEN, "Mine", 2));
        assertThat(over.status()).isEqualTo(409);
        Http.Response memberOver = app.api(TestApp.ALAN).postJson("/api/v1/reservations",
                booking("r-spree", "u-alan", TEN, ELEVEN, "Pairing", 2));
        assertThat(memberOver.status()).isEqualTo(409);
        assertThat(json(memberOver).get("conflicts").get(0).get("busy").asBoolean()).isTrue();
        assertThat(json(memberOver).get("conflicts").get(0).get("status").asText())
                .as("a busy slot in a conflict is what it is: pending (tentative), not confirmed").isEqualTo("PENDING");

        JsonNode queue = json(ada.get("/api/v1/approvals"));
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).get("reservation").get("id").asText()).isEqualTo(id);
        assertThat(grace.postJson("/api/v1/reservations/" + id + "/approve", "{}").status()).isEqualTo(403);
        Http.Response approved = ada.postJson("/api/v1/reservations/" + id + "/approve", "{\"reason\": \"fine\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved).get("reservation").get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(json(approved).get("approvedBy").asText()).isEqualTo("u-ada");
        assertThat(json(approved).get("reason").asText()).isEqualTo("fine");
        Http.Response again = ada.postJson("/api/v1/reservations/" + id + "/decline", "{\"reason\": \"late\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(json(again).get("error").asText()).contains("not pending");
    }

    @Test
    void theApprovalQueuePageApprovesAndDeclines() {
        ada.put("/api/v1/rooms/r-spree/operations", "{\"requiresApproval\": true}");
        String id = json(book(grace, "r-spree", TEN, ELEVEN)).get("id").asText();
        Http pages = app.signedIn(TestApp.ADMIN);
        Http.Response queue = pages.get("/approvals");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("request-" + id).contains("Grace Hopper");
        Http.Response declined = pages.postForm("/approvals/" + id + "/decline", Map.of("reason", "room closed"));
        assertThat(declined.status()).isEqualTo(303);
        assertThat(pages.get("/approvals").body()).contains("Nothing waiting");
        Http.Response ops = pages.get("/reservations/" + id + "/operations");
        assertThat(ops.body()).contains("DECLINED").contains("reason: room closed");
        assertThat(book(grace, "r-spree", TEN, ELEVEN).status()).isEqualTo(201); // pending again, slot was free
    }

    @Test
    void aQuotaRefusalSaysTheLimitWhatIsUsedAndWhenItFreesUp() {
        assertThat(grace.put("/api/v1/quotas/*", "{\"hoursPerWeek\": 1}").status()).isEqualTo(403);
        Http.Response q = ada.put("/api/v1/quotas/*", "{\"hoursPerWeek\": 1.5, \"openAtOnce\": 5}");
        assertThat(q.status()).as(q.body()).isEqualTo(200);
        assertThat(json(ada.get("/api/v1/quotas")).get(0).get("hoursPerWeek").asDouble()).isEqualTo(1.5);
        assertThat(book(grace, "r-spree", TEN, ELEVEN).status()).isEqualTo(201);
        Http.Response refused = book(grace, "r-havel", ELEVEN, "2026-03-02T12:00:00Z");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(json(refused).get("error").asText()).contains("at most 1.5 h booked hours per week")
                .contains("1 h used").contains("frees up on Mon 9 Mar 2026 00:00 (Europe/Berlin)");
        assertThat(book(grace, "r-havel", ELEVEN, "2026-03-02T11:30:00Z").status()).isEqualTo(201);
    }

    @Test
    void checkInWithinTheWindowElseTheJobReleasesTheNoShow() {
        String kept = json(book(grace, "r-spree", TEN, ELEVEN)).get("id").asText();
        String lost = json(book(grace, "r-havel", TEN, ELEVEN)).get("id").asText();
        assertThat(grace.postJson("/api/v1/reservations/" + kept + "/check-in", "").status()).isEqualTo(400);
        app.clock().set(Instant.parse(TEN).minus(Duration.ofMinutes(5)));
        Http.Response in = grace.postJson("/api/v1/reservations/" + kept + "/check-in", "");
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        assertThat(json(in).get("checkedInAt").asText()).isEqualTo("2026-03-02T09:55:00Z");
        app.clock().set(Instant.parse(TEN).plus(Duration.ofMinutes(15)));
        assertThat(app.app().operationsJobs().runOnce().released()).isEqualTo(1);
        assertThat(json(grace.get("/api/v1/reservations/" + lost)).get("status").asText()).isEqualTo("AUTO_RELEASED");
        assertThat(json(grace.get("/api/v1/reservations/" + kept)).get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void theDoorDisplayNeedsItsTokenAndAllowsOnlyCheckInAndBookNow() {
        Http.Response t = ada.postJson("/api/v1/rooms/r-spree/display-token", "");
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        String token = json(t).get("token").asText();
        assertThat(json(t).get("url").asText()).isEqualTo("/display/rooms/r-spree?token=" + token);
        Http door = app.http();
        assertThat(door.get("/display/rooms/r-spree?token=wrong").status()).isEqualTo(403);
        assertThat(door.get("/display/rooms/r-havel?token=" + token).status()).isEqualTo(403);
        Http.Response page = door.get("/display/rooms/r-spree?token=" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Spree").contains("FREE").contains("/assets/display.js");
        String id = json(book(grace, "r-spree", TEN, ELEVEN)).get("id").asText();
        app.clock().set(Instant.parse(TEN).minus(Duration.ofMinutes(2)));
        JsonNode state = json(door.get("/display/rooms/r-spree/state", "X-Display-Token", token));
        assertThat(state.get("busy").asBoolean()).isFalse();
        assertThat(state.get("checkInOpen").asBoolean()).isTrue();
        assertThat(state.get("nextAt").asText()).isEqualTo("11:00–12:00");
        assertThat(state.toString()).doesNotContain("Standup"); // a door shows busy slots, not titles
        Http.Response in = door.post("/display/rooms/r-spree/check-in", null, "", "X-Display-Token", token);
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        assertThat(json(grace.get("/api/v1/reservations/" + id)).get("status").asText()).isEqualTo("CONFIRMED");
        app.clock().set(Instant.parse(ELEVEN));
        Http.Response now = door.post("/display/rooms/r-spree/book?minutes=30", null, "", "X-Display-Token", token);
        assertThat(now.status()).as(now.body()).isEqualTo(200);
        assertThat(json(now).get("busy").asBoolean()).isTrue();
        assertThat(json(now).get("headline").asText()).isEqualTo("BUSY");
        // the token grants nothing else
        assertThat(door.get("/api/v1/reservations", "X-Display-Token", token).status()).isEqualTo(401);
        assertThat(door.get("/approvals?token=" + token).status()).isIn(302, 303);
    }

    @Test
    void theReportPageDrawsChartsAndTheCsvHasTheSameNumbers() {
        book(grace, "r-spree", TEN, ELEVEN);
        book(grace, "r-havel", TEN, "2026-03-02T10:30:00Z");
        assertThat(grace.get("/api/v1/reports/usage?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z").status())
                .isEqualTo(403);
        Http.Response csv = ada.get("/api/v1/reports/usage?format=csv&from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        // opening hours: 5 days x 10 h = 50 h per room; Spree 1 h booked (2 %), Havel 0.5 h (1 %)
        assertThat(csv.body()).contains("room,r-spree,Spree,\"Berlin HQ, 2nd floor\",1,50,1,0.02,1,0,0,0,0,0,0")
                .contains("room,r-havel,Havel,\"Berlin HQ, 2nd floor\",0.5,50,0.5,0.01,1,0,0,0,0,0,0")
                .contains("heat,Mon,11,1.5");
        JsonNode report = json(ada.get("/api/v1/reports/usage?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z"));
        assertThat(report.get("total").get("hoursBooked").asDouble()).isEqualTo(1.5);
        assertThat(report.get("total").get("occupancy").asDouble()).isEqualTo(1.5 / 500);
        assertThat(report.get("heat").get(0).get(11).asDouble()).isEqualTo(1.5);
        Http pages = app.signedIn(TestApp.ADMIN);
        Http.Response page = pages.get("/reports?from=2026-03-02&to=2026-03-09");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<svg").contains("id=\"occupancy-chart\"").contains("id=\"heat-map\"")
                .contains("Spree: 2% occupied, 1 h booked");
        assertThat(app.signedIn(TestApp.GRACE).get("/reports").status()).isEqualTo(403);
    }

    @Test
    void roomOperationsAndQuotaPagesSaveForAdmins() {
        Http pages = app.signedIn(TestApp.ADMIN);
        assertThat(pages.get("/rooms/r-spree/operations").body()).contains("Requests need approval");
        Http.Response saved = pages.postForm("/rooms/r-spree/operations", Map.of("requiresApproval", "on",
                "approvers", "grace@example.com", "checkInBefore", "5", "checkInAfter", "20"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        JsonNode s = json(ada.get("/api/v1/rooms/r-spree/operations"));
        assertThat(s.get("approvers").get(0).asText()).isEqualTo("u-grace");
        assertThat(s.get("checkInAfterMinutes").asInt()).isEqualTo(20);
        assertThat(s.get("autoRelease").asBoolean()).isFalse();
        Http.Response token = pages.postForm("/rooms/r-spree/display-token", Map.of());
        assertThat(token.body()).contains("/display/rooms/r-spree?token=");
        assertThat(pages.postForm("/quotas", Map.of("scope", "r-havel", "openAtOnce", "2")).status()).isEqualTo(303);
        assertThat(pages.get("/quotas").body()).contains("Havel");
        assertThat(app.signedIn(TestApp.GRACE).get("/quotas").status()).isEqualTo(403);
        assertThat(app.signedIn(TestApp.GRACE).get("/approvals").body()).contains("Nothing waiting");
    }
}
