package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/v1/reservations with local date-times: in the room's zone, or in an explicit {@code zone}. */
class LocalTimeApiTest {
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

    private Http.Response book(String room, String start, String end, String zone) {
        return http.postJson("/api/v1/reservations", "{\"roomId\":\"" + room + "\",\"start\":\"" + start
                + "\",\"end\":\"" + end + "\"" + (zone == null ? "" : ",\"zone\":\"" + zone + "\"")
                + ",\"title\":\"Local\",\"attendees\":1}");
    }

    @Test
    void readsALocalDateTimeInTheRoomsZoneAndSaysSo() {
        Http.Response r = book("r-spree", "2026-03-02T11:00", "2026-03-02T12:00", null);

        assertThat(r.status()).isEqualTo(201);
        JsonNode body = json(r);
        assertThat(body.get("start").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(body.get("timesReadAs").get("kind").asText()).isEqualTo("local");
        assertThat(body.get("timesReadAs").get("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(body.get("timesReadAs").get("zoneFrom").asText()).isEqualTo("room");
    }

    @Test
    void readsALocalDateTimeInAnExplicitZone() {
        Http.Response r = book("r-spree", "2026-03-02T05:00", "2026-03-02T06:00", "America/New_York");

        assertThat(r.status()).isEqualTo(201);
        assertThat(json(r).get("start").asText()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(json(r).get("timesReadAs").get("zoneFrom").asText()).isEqualTo("request");
    }

    @Test
    void saysInstantsWereReadAsInstants() {
        Http.Response r = book("r-spree", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", null);

        assertThat(json(r).get("timesReadAs").get("kind").asText()).isEqualTo("instant");
    }

    @Test
    void refusesANonexistentLocalTimeAndAnAmbiguousOneWithoutOffset() {
        Http.Response gap = book("r-spree", "2026-03-29T02:30", "2026-03-29T04:00", null);
        app.clock().set(java.time.Instant.parse("2026-10-01T08:00:00Z"));
        Http.Response twice = book("r-spree", "2026-10-25T02:30", "2026-10-25T04:00", null);
        Http.Response withOffset = book("r-spree", "2026-10-25T02:30+01:00", "2026-10-25T04:00", null);

        assertThat(gap.status()).isEqualTo(400);
        assertThat(json(gap).get("error").asText())
                .contains("2026-03-29 02:30 does not exist in Europe/Berlin: clocks jump from 02:00 to 03:00");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(json(twice).get("error").asText()).contains("happens twice")
                .contains("02:30+02:00 (CEST) or 02:30+01:00 (CET)");
        assertThat(withOffset.status()).isEqualTo(201);
        assertThat(json(withOffset).get("start").asText()).isEqualTo("2026-10-25T01:30:00Z");
    }
}
