package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.web.support.HtmlForms;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /reserve form and cancel buttons, posted as a browser would, signed in as Grace (a MEMBER). */
class ReserveFormTest {
    TestApp app;
    Http http;

    @BeforeEach
    void start() {
        app = TestApp.start();
        http = app.signedIn(TestApp.GRACE);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static Map<String, String> form(String room, String date, String start, String end, String title) {
        Map<String, String> f = new HashMap<>();
        f.put("userId", "u-grace");
        f.put("roomId", room);
        f.put("date", date);
        f.put("start", start);
        f.put("end", end);
        f.put("title", title);
        f.put("attendees", "2");
        f.put("key", "form-test-" + title.hashCode());
        return f;
    }

    @Test
    void booksThroughTheFormAndShowsTheBookingOnReservations() {
        Http.Response r = http.postForm("/reserve", form("r-spree", "2026-03-02", "11:00", "12:00", "Form booking"));

        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).startsWith("/reservations?booked=");
        String list = http.get(r.header("Location")).body();
        assertThat(list).contains("Booked: “Form booking” — Spree, Mon 2 Mar 2026, 11:00–12:00 (Europe/Berlin)");
        assertThat(json(http.get("/api/v1/reservations")).get(0).get("start").asText())
                .as("11:00 in Berlin is 10:00 UTC").isEqualTo("2026-03-02T10:00:00Z");
    }

    @Test
    void showsInvalidInputNextToTheFieldsAndKeepsTheValues() {
        Map<String, String> f = form("r-spree", "2026-02-30", "11:00", "25:00", "");
        f.put("attendees", "many");

        Http.Response r = http.postForm("/reserve", f);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("Please correct the marked fields")
                .contains("not a real date").contains("title is required").contains("attendees must be a whole number")
                .contains("end must be a time like 09:30");
        assertThat(r.body()).contains("value=\"2026-02-30\"").contains("value=\"25:00\"").contains("value=\"many\"")
                .containsPattern("<option value=\"r-spree\" selected>");
    }

    @Test
    void showsBookingRuleViolationsNextToTheField() {
        Http.Response r = http.postForm("/reserve", form("r-spree", "2026-03-02", "07:00", "08:00", "Too early"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("in the past").contains("value=\"Too early\"");
    }

    @Test
    void offersAMemberNoUserPickerAndAnAdminOne() {
        String member = http.get("/reserve").body();
        String admin = app.signedIn(TestApp.ADMIN).get("/reserve").body();

        assertThat(member).doesNotContain("id=\"r-user\"").contains("Booking for <strong>Grace Hopper</strong> (you)")
                .contains("<input type=\"hidden\" name=\"userId\" value=\"u-grace\">");
        assertThat(admin).contains("id=\"r-user\"").contains("Alan Turing (alan@example.com)");
    }

    @Test
    void letsAnAdminBookForSomeoneElseAndRefusesAMember() {
        Map<String, String> f = form("r-spree", "2026-03-02", "11:00", "12:00", "For Alan");
        f.put("userId", "u-alan");

        Http.Response member = http.postForm("/reserve", f);
        Http.Response admin = app.signedIn(TestApp.ADMIN).postForm("/reserve", f);

        assertThat(member.status()).isEqualTo(403);
        assertThat(admin.status()).isEqualTo(303);
        assertThat(json(app.api(TestApp.ALAN).get("/api/v1/reservations")).get(0).get("createdBy").asText())
                .isEqualTo("u-ada");
    }

    @Test
    void showsAConflictWithTheBookingAndSuggestionsTakenWithOneClick() {
        app.api(TestApp.ALAN).postJson("/api/v1/reservations",
                booking("r-spree", "u-alan", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "Alan's slot", 2));

        Http.Response r = http.postForm("/reserve", form("r-spree", "2026-03-02", "11:30", "12:30", "Grace's slot"));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).as("a member sees someone else's booking only as busy").contains("Already booked")
                .contains("<strong>Busy</strong>").doesNotContain("Alan's slot").doesNotContain("Alan Turing")
                .contains("Spree — next free: Mon 2 Mar 2026, 12:00–13:00 (Europe/Berlin)")
                .contains("value=\"Grace&#39;s slot\"");
        List<HtmlForms.Form> suggestions = HtmlForms.forms(
                r.body().substring(r.body().indexOf("id=\"suggestions\"")), "/reserve");
        assertThat(suggestions.size()).isGreaterThanOrEqualTo(2);
        HtmlForms.Form nextInRoom = suggestions.get(0);
        assertThat(nextInRoom.fields()).containsEntry("roomId", "r-spree").containsEntry("start", "12:00")
                .containsEntry("title", "Grace's slot");
        HtmlForms.Form otherRoom = suggestions.get(1);
        assertThat(otherRoom.fields().get("roomId")).isNotEqualTo("r-spree");

        Http.Response taken = http.postFormRaw("/reserve", otherRoom.fields());

        assertThat(taken.status()).isEqualTo(303);
        assertThat(json(http.get("/api/v1/reservations?roomId=" + otherRoom.fields().get("roomId"))).get(0)
                .get("title").asText()).isEqualTo("Grace's slot");
    }

    @Test
    void refusesAFormPostWithoutAValidCsrfToken() {
        http.csrfToken();
        Map<String, String> f = form("r-spree", "2026-03-02", "11:00", "12:00", "Forged");

        Http.Response missing = http.postFormRaw("/reserve", f);
        f.put("_csrf", "x".repeat(43));
        Http.Response wrong = http.postFormRaw("/reserve", f);
        Http.Response noCookie = new Http(app.url("")).postFormRaw("/reserve", f);

        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body()).contains("CSRF check failed");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(noCookie.status()).isEqualTo(403);
        assertThat(json(http.get("/api/v1/reservations"))).isEmpty();
    }

    @Test
    void bookingTheSameFormTwiceBooksOnce() {
        Map<String, String> f = form("r-spree", "2026-03-02", "11:00", "12:00", "Double click");

        Http.Response first = http.postForm("/reserve", f);
        Http.Response second = http.postForm("/reserve", f);

        assertThat(second.status()).isEqualTo(303);
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(json(http.get("/api/v1/reservations"))).hasSize(1);
    }

    @Test
    void escapesUserInputInEveryPage() {
        String evil = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
        http.postJson("/api/v1/reservations", booking("r-spree", "u-grace", "2026-03-02T10:00:00Z",
                "2026-03-02T11:00:00Z", evil.replace("\"", "\\\""), 2));

        for (String page : List.of("/reservations", "/rooms/r-spree?view=day&date=2026-03-02")) {
            String body = http.get(page).body();
            assertThat(body).as(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
        Http.Response reshown = http.postForm("/reserve", form("r-spree", "2026-03-02", "11:00", "11:01", evil));
        assertThat(reshown.body()).doesNotContain("<script>alert").doesNotContain("\"><img");
    }

    @Test
    void cancelsOwnReservationsOnlyAsAMember() {
        String id = json(http.postJson("/api/v1/reservations", booking("r-spree", "u-grace",
                "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "Mine", 2))).get("id").asText();
        String cancel = "/reservations/" + id + "/cancel";

        Http.Response alan = app.signedIn(TestApp.ALAN).postForm(cancel, Map.of());
        Http.Response grace = http.postForm(cancel, Map.of());

        assertThat(alan.status()).isEqualTo(403);
        assertThat(alan.body()).contains("only the person who booked");
        assertThat(grace.status()).isEqualTo(303);
        assertThat(http.get(grace.header("Location")).body()).contains("Cancelled: “Mine”").contains("CANCELLED");
        assertThat(http.get("/reservations/" + id).body()).contains("by Grace Hopper").contains("id=\"cancelled\"");
    }

    @Test
    void showsACancelButtonOnlyWhereTheUserMayCancel() {
        app.api(TestApp.ALAN).postJson("/api/v1/reservations", booking("r-spree", "u-alan",
                "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "Alan's", 2));
        http.postJson("/api/v1/reservations", booking("r-havel", "u-grace",
                "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "Grace's", 2));

        String member = http.get("/reservations").body();
        String admin = app.signedIn(TestApp.ADMIN).get("/reservations").body();

        assertThat(member.split("class=\"danger\">Cancel<", -1)).hasSize(2);
        assertThat(admin.split("class=\"danger\">Cancel<", -1)).hasSize(3);
    }
}
