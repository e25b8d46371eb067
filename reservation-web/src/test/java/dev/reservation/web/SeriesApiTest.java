package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Series in the JSON API: book, replay, preview with clashes, all-or-nothing refusals, bad input, changes. */
class SeriesApiTest {
    /** Mondays from 2 March 2026 at 10:00 in Berlin (the room's zone); summer time starts on 29 March. */
    static String weekly(String repeat, String mode) {
        return """
                {"roomId": "r-spree", "title": "Weekly sync", "attendees": 2, "firstDay": "2026-03-02",
                 "startTime": "10:00", "endTime": "11:00", "repeat": "%s", "mode": "%s"}""".formatted(repeat, mode);
    }

    private static List<JsonNode> occurrences(JsonNode series, String kind) {
        List<JsonNode> out = new ArrayList<>();
        series.get("occurrences").forEach(o -> {
            if (o.get("kind").asText().equals(kind)) {
                out.add(o);
            }
        });
        return out;
    }

    @Test
    void booksAWeeklySeriesAtTheSameLocalTimeAcrossTheChangeToSummerTimeAndReplaysItsKey() {
        try (TestApp app = TestApp.start()) {
            Http grace = app.api(TestApp.GRACE);
            String body = weekly("FREQ=WEEKLY;BYDAY=MO;COUNT=5", "ALL_OR_NOTHING");
            Http.Response created = grace.postJson("/api/v1/series", body, "Idempotency-Key", "s-1");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode s = json(created);
            assertThat(created.header("Location")).isEqualTo("/api/v1/series/" + s.get("id").asText());
            assertThat(s.get("state").asText()).isEqualTo("ACTIVE");
            assertThat(s.get("zone").asText()).isEqualTo("Europe/Berlin");
            List<JsonNode> booked = occurrences(s, "BOOKED");
            assertThat(booked).hasSize(5).allSatisfy(o -> {
                assertThat(o.get("status").asText()).isEqualTo("CONFIRMED");
                assertThat(o.get("startLocal").asText()).endsWith("T10:00");
                assertThat(o.get("endLocal").asText()).endsWith("T11:00");
            });
            assertThat(booked.get(0).get("start").asText()).isEqualTo("2026-03-02T09:00:00Z");
            assertThat(booked.get(4).get("start").asText()).isEqualTo("2026-03-30T08:00:00Z");
            String firstId = booked.get(0).get("reservationId").asText();
            assertThat(json(grace.get("/api/v1/reservations/" + firstId)).get("status").asText()).isEqualTo("CONFIRMED");

            Http.Response again = grace.postJson("/api/v1/series", body, "Idempotency-Key", "s-1");
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(json(again).get("id")).isEqualTo(s.get("id"));
            assertThat(json(grace.get("/api/v1/reservations"))).hasSize(5);

            Http.Response reused = grace.postJson("/api/v1/series", weekly("FREQ=WEEKLY;BYDAY=MO;COUNT=6",
                    "ALL_OR_NOTHING"), "Idempotency-Key", "s-1");
            assertThat(reused.status()).isEqualTo(422);
            assertThat(json(grace.get("/api/v1/series/" + s.get("id").asText())).get("counts").get("BOOKED").asInt())
                    .isEqualTo(5);
        }
    }

    @Test
    void thePreviewMarksTheClashAndAllOrNothingBooksNoneWhileSkipConflictsBooksTheRest() {
        try (TestApp app = TestApp.start()) {
            Http grace = app.api(TestApp.GRACE);
            Http alan = app.api(TestApp.ALAN);
            Http.Response taken = alan.postJson("/api/v1/reservations", booking("r-spree", "u-alan",
                    "2026-03-16T09:30:00Z", "2026-03-16T10:30:00Z", "Alan's", 2));
            assertThat(taken.status()).isEqualTo(201);

            Http.Response preview = grace.postJson("/api/v1/series/preview", weekly("FREQ=WEEKLY;BYDAY=MO;COUNT=4",
                    "ALL_OR_NOTHING"));
            assertThat(preview.status()).as(preview.body()).isEqualTo(200);
            assertThat(occurrences(json(preview), "CLASH")).singleElement()
                    .satisfies(o -> assertThat(o.get("day").asText()).isEqualTo("2026-03-16"));
            assertThat(occurrences(json(preview), "FREE")).hasSize(3);

            Http.Response refused = grace.postJson("/api/v1/series", weekly("FREQ=WEEKLY;BYDAY=MO;COUNT=4",
                    "ALL_OR_NOTHING"));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(json(refused).get("error").asText()).contains("1 of the 4").contains("none of them is booked")
                    .doesNotContain("Exception");
            assertThat(json(grace.get("/api/v1/reservations?userId=u-grace"))).isEmpty();

            Http.Response skipping = grace.postJson("/api/v1/series", weekly("FREQ=WEEKLY;BYDAY=MO;COUNT=4",
                    "SKIP_CONFLICTS"));
            assertThat(skipping.status()).isEqualTo(201);
            assertThat(occurrences(json(skipping), "BOOKED")).hasSize(3);
            assertThat(occurrences(json(skipping), "SKIPPED")).singleElement()
                    .satisfies(o -> assertThat(o.get("note").asText()).contains("clashes with"));
        }
    }

    @Test
    void badInputIsA400NamingEveryFieldAndWritesNothing() {
        try (TestApp app = TestApp.start()) {
            Http grace = app.api(TestApp.GRACE);
            Http.Response bad = grace.postJson("/api/v1/series", """
                    {"roomId": "r-spree", "title": "Sync", "attendees": 2, "firstDay": "2026-02-30",
                     "startTime": "10:00", "durationMinutes": 60, "repeat": "FREQ=YEARLY", "mode": "BOTH"}""");
            assertThat(bad.status()).isEqualTo(400);
            JsonNode fields = json(bad).get("fields");
            assertThat(fields.has("firstDay")).isTrue();
            assertThat(fields.get("repeat").asText()).contains("FREQ=DAILY, FREQ=WEEKLY or FREQ=MONTHLY");
            assertThat(fields.get("mode").asText()).contains("ALL_OR_NOTHING or SKIP_CONFLICTS");
            Http.Response gap = grace.postJson("/api/v1/series", """
                    {"roomId": "r-spree", "title": "Night", "attendees": 1, "firstDay": "2026-03-01",
                     "startTime": "02:30", "durationMinutes": 30, "repeat": "FREQ=WEEKLY;BYDAY=SU;COUNT=5"}""");
            assertThat(gap.status()).isEqualTo(400);
            assertThat(json(gap).get("error").asText()).contains("2026-03-29").contains("does not exist");
            assertThat(json(grace.get("/api/v1/reservations?userId=u-grace"))).isEmpty();
            assertThat(grace.get("/api/v1/series/nope").status()).isEqualTo(404);
        }
    }

    @Test
    void cancelsOneOccurrenceTheFollowingOnesAndMovesOneWithTheOwnersPermission() {
        try (TestApp app = TestApp.start()) {
            Http grace = app.api(TestApp.GRACE);
            Http alan = app.api(TestApp.ALAN);
            JsonNode s = json(grace.postJson("/api/v1/series", weekly("FREQ=WEEKLY;BYDAY=MO;COUNT=5", "ALL_OR_NOTHING")));
            String base = "/api/v1/series/" + s.get("id").asText();
            assertThat(alan.get(base).status()).isEqualTo(403);
            assertThat(alan.postJson(base + "/occurrences/2026-03-09/cancel", "{}").status()).isEqualTo(403);

            JsonNode one = json(grace.postJson(base + "/occurrences/2026-03-09/cancel", "{}"));
            assertThat(statusOn(one, "2026-03-09")).isEqualTo("CANCELLED");
            assertThat(statusOn(one, "2026-03-16")).isEqualTo("CONFIRMED");

            Http.Response moved = grace.postJson(base + "/occurrences/2026-03-16/move",
                    "{\"start\": \"2026-03-16T14:00\", \"end\": \"2026-03-16T15:00\"}");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            JsonNode day = dayOf(json(moved), "2026-03-16");
            assertThat(day.get("startLocal").asText()).isEqualTo("2026-03-16T14:00");
            assertThat(json(moved).get("moved").get("2026-03-16").asText()).isEqualTo(day.get("reservationId").asText());

            JsonNode following = json(grace.postJson(base + "/occurrences/2026-03-23/cancel-following", "{}"));
            assertThat(statusOn(following, "2026-03-23")).isEqualTo("CANCELLED");
            assertThat(statusOn(following, "2026-03-30")).isEqualTo("CANCELLED");
            assertThat(statusOn(following, "2026-03-02")).isEqualTo("CONFIRMED");
            assertThat(following.get("endsBefore").asText()).isEqualTo("2026-03-23");

            Http.Response notADay = grace.postJson(base + "/occurrences/2026-03-03/cancel", "{}");
            assertThat(notADay.status()).isEqualTo(400);
            JsonNode whole = json(grace.postJson(base + "/cancel", "{}"));
            assertThat(whole.get("state").asText()).isEqualTo("CANCELLED");
            assertThat(whole.get("cancelledBy").asText()).isEqualTo("u-grace");
            assertThat(statusOn(whole, "2026-03-02")).isEqualTo("CANCELLED");
            assertThat(statusOn(whole, "2026-03-16")).isEqualTo("CANCELLED");
        }
    }

    private static JsonNode dayOf(JsonNode series, String day) {
        for (JsonNode o : series.get("occurrences")) {
            if (o.get("day").asText().equals(day)) {
                return o;
            }
        }
        throw new AssertionError("no " + day + " in " + series);
    }

    private static String statusOn(JsonNode series, String day) {
        return dayOf(series, day).get("status").asText();
    }
}
