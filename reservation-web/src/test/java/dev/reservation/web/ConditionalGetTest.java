package dev.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Polling clients: an unchanged list or page is answered 304 to its ETag, a changed one 200 with a new ETag. */
class ConditionalGetTest {
    private final TestApp app = TestApp.start();

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void anUnchangedApiListIsNotModifiedAndAChangedOneIsSentAgain() {
        Http admin = app.api(TestApp.ADMIN);
        Http.Response first = admin.get("/api/v1/rooms");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();

        Http.Response again = admin.get("/api/v1/rooms", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        assertThat(admin.postJson("/api/v1/rooms", "{\"name\":\"Oder\",\"location\":\"3rd floor\",\"capacity\":6,"
                + "\"equipment\":[],\"zone\":\"Europe/Berlin\"}").status()).isEqualTo(201);
        Http.Response changed = admin.get("/api/v1/rooms", "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void anUnchangedPageIsNotModifiedForTheSameSignedInUser() {
        Http grace = app.signedIn(TestApp.GRACE);
        Http.Response page = grace.get("/rooms");
        assertThat(page.status()).isEqualTo(200);
        assertThat(grace.get("/rooms", "If-None-Match", page.header("ETag")).status()).isEqualTo(304);
    }
}
