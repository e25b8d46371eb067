package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.web.http.Csrf;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repeat section of /reserve (preview, all or nothing, skip) and a series' page, posted as a browser would. */
class SeriesFormTest {
    TestApp app;
    Http http;

    @BeforeEach
    void start() {
        app = TestApp.start();
        http = app.signedIn(TestApp.GRACE);
        Http.Response taken = app.api(TestApp.ALAN).postJson("/api/v1/reservations", booking("r-spree", "u-alan",
                "2026-03-16T09:30:00Z", "2026-03-16T10:30:00Z", "Alan's", 2));
        assertThat(taken.status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** Mondays and Wednesdays at 10:00–11:00 (Berlin) from Monday 2 March 2026, four times; Alan has 16 March. */
    private Http.Response post(String path, String... extra) {
        List<String> fields = new ArrayList<>(List.of(Csrf.FIELD, http.csrfToken(), "userId", "u-grace", "roomId",
                "r-spree", "date", "2026-03-02", "start", "10:00", "end", "11:00", "title", "Team sync", "attendees", "2",
                "key", "series-form-1", "repeat", "weekly", "repeatDays", "MO", "repeatEnds", "count", "repeatCount", "3"));
        for (int i = 0; i < extra.length; i += 2) { // a field given again replaces the default
            int at = fields.indexOf(extra[i]);
            if (at >= 0 && at % 2 == 0) {
                fields.set(at + 1, extra[i + 1]);
            } else {
                fields.add(extra[i]);
                fields.add(extra[i + 1]);
            }
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.size(); i += 2) {
            body.append(i == 0 ? "" : "&").append(URLEncoder.encode(fields.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
        }
        return http.post(path, "application/x-www-form-urlencoded", body.toString());
    }

    private static void assertCspSafe(String body) {
        assertThat(body).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain(" style=")
                .doesNotContain("<style").doesNotContain(" onclick=");
    }

    @Test
    void previewListsTheDatesWithTheClashMarkedAndBooksNothing() {
        Http.Response preview = post("/reserve", "action", "preview");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"r-preview\"").contains("Mon 2 Mar 2026, 10:00–11:00 (Europe/Berlin)")
                .contains("Mon 16 Mar 2026, 10:00–11:00").contains("No: clashes")
                .contains("1 of the dates below cannot be booked");
        assertCspSafe(preview.body());
        assertThat(json(http.get("/api/v1/reservations?userId=u-grace"))).isEmpty();
    }

    @Test
    void allOrNothingWithAClashBooksNothingAndSaysWhy() {
        Http.Response refused = post("/reserve");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("none of them is booked").contains("No: clashes");
        assertThat(json(http.get("/api/v1/reservations?userId=u-grace"))).isEmpty();
    }

    @Test
    void skippingBooksTheOthersAndTheSeriesPageCancelsOneOccurrence() {
        Http.Response booked = post("/reserve", "repeatSkip", "on");
        assertThat(booked.status()).as(booked.body()).isEqualTo(303);
        String page = booked.header("Location");
        assertThat(page).startsWith("/series/");
        Http.Response shown = http.get(page);
        assertThat(shown.status()).isEqualTo(200);
        assertCspSafe(shown.body());
        assertThat(shown.body()).contains("Mon 2 Mar 2026, 10:00–11:00").contains("skipped").contains("clashes with")
                .contains("Cancel this and all following");
        assertThat(json(http.get("/api/v1/reservations?userId=u-grace"))).hasSize(2);

        Http.Response cancelled = post(page + "/occurrences/2026-03-09/cancel");
        assertThat(cancelled.status()).isEqualTo(303);
        assertThat(http.get(page).body()).contains("booked: cancelled");
        String seriesId = page.substring("/series/".length());
        Http.Response occurrence = http.get("/reservations/" + seriesId + "-20260302");
        assertThat(occurrence.status()).isEqualTo(200);
        assertThat(occurrence.body()).contains("href=\"" + page + "\"");
        assertThat(app.signedIn(TestApp.ALAN).get(page).status()).as("someone else's series").isEqualTo(403);
    }

    @Test
    void aBadRepeatIsShownNextToItsField() {
        Http.Response bad = post("/reserve", "repeatEnds", "until", "repeatUntil", "someday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("give the last day, e.g. 2026-06-30");
        assertThat(json(http.get("/api/v1/reservations?userId=u-grace"))).isEmpty();
    }
}
