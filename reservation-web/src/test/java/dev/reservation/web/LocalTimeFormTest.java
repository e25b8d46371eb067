package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Local times in the /reserve form as a person in Berlin types them, around daylight saving:
 * on 2026-03-29 clocks jump from 02:00 to 03:00, on 2026-10-25 02:00–03:00 happens twice.
 * Also: bookings across midnight, and messages in the room's zone to the minute.
 */
class LocalTimeFormTest {
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

    private JsonNode graceBookings() {
        return json(http.get("/api/v1/reservations?userId=u-grace"));
    }

    @Test
    void refusesAStartInsideTheSpringGapSayingWhy() {
        Http.Response r = http.postForm("/reserve",
                ReserveFormTest.form("r-spree", "2026-03-29", "02:30", "04:00", "Gap"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("2026-03-29 02:30 does not exist in Europe/Berlin: clocks jump from 02:00 to 03:00");
        assertThat(graceBookings()).as("nothing booked as 03:30").isEmpty();
    }

    @Test
    void refusesTwoToThreeOnTheSpringDayForTheRightReason() {
        Http.Response r = http.postForm("/reserve",
                ReserveFormTest.form("r-spree", "2026-03-29", "02:00", "03:00", "Gap hour"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("02:00 does not exist in Europe/Berlin").doesNotContain("end must be after start");
    }

    @Test
    void refusesAnAmbiguousAutumnTimeNamingBothChoicesAndTakesAnExplicitOffset() {
        app.clock().set(Instant.parse("2026-10-01T08:00:00Z"));
        http = app.signedIn(TestApp.GRACE); // seven months on, the Monday session has expired
        Map<String, String> f = ReserveFormTest.form("r-spree", "2026-10-25", "02:30", "04:00", "Twice");

        Http.Response refused = http.postForm("/reserve", f);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("02:30 happens twice in Europe/Berlin")
                .contains("02:30+02:00 (CEST)").contains("02:30+01:00 (CET)");
        assertThat(graceBookings()).isEmpty();

        f.put("startOffset", "+01:00");
        Http.Response booked = http.postForm("/reserve", f);
        assertThat(booked.status()).isEqualTo(303);
        assertThat(graceBookings().get(0).get("start").asText()).as("the second 02:30, in CET")
                .isEqualTo("2026-10-25T01:30:00Z");
    }

    @Test
    void booksAcrossMidnight() {
        Http.Response r = http.postForm("/reserve",
                ReserveFormTest.form("r-spree", "2026-03-02", "23:00", "01:00", "Night shift"));

        assertThat(r.status()).isEqualTo(303);
        JsonNode booked = graceBookings().get(0);
        assertThat(booked.get("start").asText()).isEqualTo("2026-03-02T22:00:00Z");
        assertThat(booked.get("end").asText()).isEqualTo("2026-03-03T00:00:00Z");
    }

    @Test
    void namesTimesInTheRoomsZoneToTheMinute() {
        app.clock().set(Instant.parse("2026-03-02T08:00:27.123456789Z"));
        http = app.signedIn(TestApp.GRACE);
        Http.Response past = http.postForm("/reserve",
                ReserveFormTest.form("r-spree", "2026-03-02", "07:00", "08:00", "Too early"));
        Http.Response far = http.postForm("/reserve",
                ReserveFormTest.form("r-spree", "2026-12-01", "10:00", "11:00", "Too late"));

        assertThat(past.body()).contains("starts Mon 2 Mar 2026, 07:00 Europe/Berlin, which is in the past"
                + " (now Mon 2 Mar 2026, 09:00 Europe/Berlin)");
        assertThat(far.body()).contains("until Sat 29 Aug 2026, 10:00 Europe/Berlin")
                .contains("ends Tue 1 Dec 2026, 11:00 Europe/Berlin");
        // no raw instant (an hour, minute and maybe seconds ending in Z), not any two digits and a Z: the
        // page's random CSRF token may hold those
        assertThat(past.body() + far.body()).doesNotContainPattern("\\d\\d:\\d\\d(:\\d\\d)?(\\.\\d+)?Z")
                .doesNotContain("T08:00:27");
    }
}
