package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.assertNoInternals;
import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reservations API as Grace (a MEMBER) and others, each with HTTP Basic. */
class ReservationApiTest {
    static final String TEN = "2026-03-02T10:00:00Z";
    static final String ELEVEN = "2026-03-02T11:00:00Z";
    static final String NOON = "2026-03-02T12:00:00Z";

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

    Http.Response book(String start, String end) {
        return http.postJson("/api/v1/reservations", booking("r-spree", "u-grace", start, end, "Standup", 3));
    }

    @Test
    void booksARoomAndAnswers201WithLocationAndTheReservation() {
        Http.Response r = book(TEN, ELEVEN);

        assertThat(r.status()).isEqualTo(201);
        JsonNode body = json(r);
        assertThat(r.header("Location")).isEqualTo("/api/v1/reservations/" + body.get("id").asText());
        assertThat(body.get("roomId").asText()).isEqualTo("r-spree");
        assertThat(body.get("roomName").asText()).isEqualTo("Spree");
        assertThat(body.get("start").asText()).isEqualTo(TEN);
        assertThat(body.get("end").asText()).isEqualTo(ELEVEN);
        assertThat(body.get("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(body.get("startLocal").asText()).isEqualTo("2026-03-02T11:00");
        assertThat(body.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(body.get("createdBy").asText()).isEqualTo("u-grace");
        assertThat(body.get("busy").asBoolean()).isFalse();
        assertThat(body.has("idempotencyKey")).isFalse();
        assertThat(http.get(r.header("Location")).status()).isEqualTo(200);
    }

    @Test
    void booksForTheSignedInUserWhenTheBodyNamesNobody() {
        Http.Response r = http.postJson("/api/v1/reservations", "{\"roomId\":\"r-spree\",\"start\":\"" + TEN
                + "\",\"end\":\"" + ELEVEN + "\",\"title\":\"Mine\",\"attendees\":1}");

        assertThat(r.status()).isEqualTo(201);
        assertThat(json(r).get("userId").asText()).isEqualTo("u-grace");
    }

    @Test
    void refusesAMemberBookingForSomeoneElseAndLetsAnAdmin() {
        Http.Response member = http.postJson("/api/v1/reservations", booking("r-spree", "u-alan", TEN, ELEVEN, "x", 1));
        Http.Response admin = app.api(TestApp.ADMIN).postJson("/api/v1/reservations",
                booking("r-spree", "u-alan", TEN, ELEVEN, "For Alan", 1));

        assertThat(member.status()).isEqualTo(403);
        assertThat(json(member).get("error").asText()).contains("member may not reserve");
        assertThat(admin.status()).isEqualTo(201);
        assertThat(json(admin).get("userId").asText()).isEqualTo("u-alan");
        assertThat(json(admin).get("createdBy").asText()).as("the audit names who booked").isEqualTo("u-ada");
    }

    @Test
    void acceptsOffsetsAndMinutePrecisionInInstants() {
        Http.Response r = book("2026-03-02T11:00+01:00", "2026-03-02T12:00+01:00");

        assertThat(r.status()).isEqualTo(201);
        assertThat(json(r).get("start").asText()).isEqualTo(TEN);
    }

    @Test
    void listsReservationsFilteredByRoomUserWindowAndStatus() {
        book(TEN, ELEVEN);
        app.api(TestApp.ALAN).postJson("/api/v1/reservations", booking("r-havel", "u-alan", TEN, ELEVEN, "Review", 2));

        assertThat(json(http.get("/api/v1/reservations"))).hasSize(2);
        assertThat(json(http.get("/api/v1/reservations?roomId=r-havel"))).hasSize(1);
        assertThat(json(http.get("/api/v1/reservations?userId=u-grace")).get(0).get("title").asText())
                .isEqualTo("Standup");
        assertThat(json(http.get("/api/v1/reservations?from=" + ELEVEN + "&to=" + NOON))).isEmpty();
        assertThat(json(http.get("/api/v1/reservations?status=cancelled"))).isEmpty();
        Http.Response bad = http.get("/api/v1/reservations?status=maybe&from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(json(bad).get("fields").fieldNames()).toIterable().contains("status", "from");
    }

    @Test
    void answers409WithTheConflictingReservationAndSuggestions() {
        String firstId = json(book(TEN, ELEVEN)).get("id").asText();

        Http.Response r = book("2026-03-02T10:30:00Z", "2026-03-02T11:30:00Z");

        assertThat(r.status()).isEqualTo(409);
        JsonNode body = json(r);
        assertThat(body.get("error").asText()).contains("already booked");
        assertThat(body.get("conflicts").get(0).get("id").asText()).isEqualTo(firstId);
        assertThat(body.get("suggestions").get("nextFreeSlotInRoom").get("start").asText()).isEqualTo(ELEVEN);
        assertThat(body.get("suggestions").get("nextFreeSlotInRoom").get("startLocal").asText())
                .isEqualTo("2026-03-02T12:00");
        assertThat(body.get("suggestions").get("otherFreeRooms")).isNotEmpty();
        assertThat(body.get("suggestions").get("otherFreeRooms").findValuesAsText("id")).doesNotContain("r-spree");
    }

    @Test
    void acceptsBackToBackReservations() {
        assertThat(book(TEN, ELEVEN).status()).isEqualTo(201);
        assertThat(book(ELEVEN, NOON).status()).isEqualTo(201);
    }

    @Test
    void answers400WithAMessagePerMissingField() {
        Http.Response r = http.postJson("/api/v1/reservations", "{}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("fields").fieldNames()).toIterable()
                .contains("roomId", "start", "end", "title", "attendees").doesNotContain("userId");
        assertNoInternals(r);
    }

    @Test
    void answers400ForAnImpossibleDate() {
        Http.Response r = book("2026-02-30T10:00:00Z", ELEVEN);

        assertThat(r.status()).isEqualTo(400);
        assertThat(json(r).get("fields").get("start").asText()).contains("2026-02-30");
        assertNoInternals(r);
    }

    @Test
    void answers400ForWrongTypesUnknownFieldsAndMalformedJson() {
        String[] bodies = {
            "{\"roomId\":\"r-spree\",\"userId\":\"u-grace\",\"start\":\"" + TEN + "\",\"end\":\"" + ELEVEN
                    + "\",\"title\":\"x\",\"attendees\":\"three\"}",
            "{\"roomId\":\"r-spree\",\"userId\":\"u-grace\",\"start\":\"" + TEN + "\",\"end\":\"" + ELEVEN
                    + "\",\"title\":\"x\",\"attendees\":2.5}",
            "{\"roomId\":42,\"userId\":\"u-grace\"}",
            "{\"roomId\":\"r-spree\",\"colour\":\"red\"}",
            "{\"roomId\": \"r-spree\", ",
            "[1,2,3]",
            "null",
            "",
        };
        for (String body : bodies) {
            Http.Response r = http.postJson("/api/v1/reservations", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(json(r).get("error").asText()).as(body).isNotBlank();
            assertNoInternals(r);
        }
        assertThat(json(http.postJson("/api/v1/reservations", bodies[3])).get("fields").has("colour")).isTrue();
        assertThat(json(http.postJson("/api/v1/reservations", bodies[0])).get("fields").get("attendees").asText())
                .contains("whole number");
    }

    @Test
    void answers415WhenTheBodyIsNotDeclaredAsJson() {
        Http.Response r = http.post("/api/v1/reservations", "text/plain",
                booking("r-spree", "u-grace", TEN, ELEVEN, "x", 1));

        assertThat(r.status()).isEqualTo(415);
        assertThat(json(r).get("error").asText()).contains("application/json");
    }

    @Test
    void answers404ForAnUnknownRoomOrUser() {
        Http.Response room = http.postJson("/api/v1/reservations", booking("r-nowhere", "u-grace", TEN, ELEVEN, "x", 1));
        Http.Response user = app.api(TestApp.ADMIN).postJson("/api/v1/reservations",
                booking("r-spree", "u-nobody", TEN, ELEVEN, "x", 1));

        assertThat(room.status()).isEqualTo(404);
        assertThat(json(room).get("error").asText()).contains("r-nowhere");
        assertThat(user.status()).isEqualTo(404);
        assertThat(json(user).get("error").asText()).contains("u-nobody");
    }

    @Test
    void answers404AsJsonForAnUnknownReservationOrApiPath() {
        Http.Response r = http.get("/api/v1/reservations/nope");
        Http.Response path = http.get("/api/v1/teapots");

        assertThat(r.status()).isEqualTo(404);
        assertThat(json(r).get("error").asText()).contains("nope");
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void answers400ForBookingRuleViolationsWithTheFieldConcerned() {
        Http.Response past = book("2026-03-02T07:00:00Z", "2026-03-02T07:30:00Z");
        Http.Response tooShort = book(TEN, "2026-03-02T10:01:00Z");
        Http.Response tooMany = http.postJson("/api/v1/reservations", booking("r-spree", "u-grace", TEN, ELEVEN, "x", 9));

        assertThat(past.status()).isEqualTo(400);
        assertThat(json(past).get("fields").get("start").asText()).contains("past");
        assertThat(json(tooShort).get("fields").has("end")).isTrue();
        assertThat(json(tooMany).get("fields").get("attendees").asText()).contains("seats 4");
    }

    @Test
    void refusesOverlongFields() {
        String longTitle = "t".repeat(201);
        Http.Response title = http.postJson("/api/v1/reservations",
                booking("r-spree", "u-grace", TEN, ELEVEN, longTitle, 1));
        Http.Response roomId = http.postJson("/api/v1/reservations",
                booking("r".repeat(65), "u-grace", TEN, ELEVEN, "x", 1));
        Http.Response key = http.postJson("/api/v1/reservations", booking("r-spree", "u-grace", TEN, ELEVEN, "x", 1),
                "Idempotency-Key", "k".repeat(129));

        assertThat(json(title).get("fields").get("title").asText()).contains("at most 200");
        assertThat(json(roomId).get("fields").get("roomId").asText()).contains("at most 64");
        assertThat(json(key).get("fields").has("Idempotency-Key")).isTrue();
        assertThat(json(title).toString()).doesNotContain(longTitle);
    }

    @Test
    void refusesToCancelSomeoneElsesReservationAsAMember() {
        String id = json(book(TEN, ELEVEN)).get("id").asText();

        Http.Response r = app.api(TestApp.ALAN).post("/api/v1/reservations/" + id + "/cancel", null, "");

        assertThat(r.status()).isEqualTo(403);
        assertThat(json(r).get("error").asText()).contains("only the person who booked");
        assertThat(json(http.get("/api/v1/reservations/" + id)).get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void cancelsOwnReservationAndAdminsCancelAnyRepeatably() {
        String own = json(book(TEN, ELEVEN)).get("id").asText();
        String other = json(book(ELEVEN, NOON)).get("id").asText();
        Http admin = app.api(TestApp.ADMIN);

        Http.Response byOwner = http.post("/api/v1/reservations/" + own + "/cancel", null, "");
        Http.Response byAdmin = admin.post("/api/v1/reservations/" + other + "/cancel", null, "");
        Http.Response again = admin.post("/api/v1/reservations/" + other + "/cancel", null, "");

        assertThat(byOwner.status()).isEqualTo(200);
        assertThat(json(byOwner).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(json(byOwner).get("cancelledBy").asText()).isEqualTo("u-grace");
        assertThat(json(byAdmin).get("cancelledBy").asText()).isEqualTo("u-ada");
        assertThat(json(byAdmin).get("createdBy").asText()).isEqualTo("u-grace");
        assertThat(again.status()).isEqualTo(200);
        assertThat(book(TEN, ELEVEN).status()).as("a cancelled slot is free again").isEqualTo(201);
    }
}
