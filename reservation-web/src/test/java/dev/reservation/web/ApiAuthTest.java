package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.assertNoInternals;
import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP Basic on every /api/v1 call: 401 with a challenge, 403 from the core's rules, 429 when throttled. */
class ApiAuthTest {
    static final String CHALLENGE = "Basic realm=\"reservations\"";
    static final String TEN = "2026-03-02T10:00:00Z";
    static final String ELEVEN = "2026-03-02T11:00:00Z";

    TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void answers401WithABasicChallengeWithoutCredentials() {
        Http anonymous = app.http();
        for (String path : List.of("/api/v1/users", "/api/v1/rooms", "/api/v1/reservations", "/api/v1/cluster",
                "/api/v1/nowhere")) {
            Http.Response r = anonymous.get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).as(path).isEqualTo(CHALLENGE);
            assertThat(r.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(json(r).get("error").asText()).as(path).contains("HTTP Basic");
        }
        Http.Response post = anonymous.postJson("/api/v1/reservations", booking("r-spree", "u-grace", TEN, ELEVEN,
                "x", 1));
        assertThat(post.status()).isEqualTo(401);
        assertThat(app.api(TestApp.ADMIN).get("/api/v1/reservations").body()).isEqualTo("[]");
    }

    @Test
    void answers401TheSameForAWrongPasswordAndAnUnknownEmail() {
        Http.Response wrong = new Http(app.url("")).withBasic(TestApp.GRACE, "not-the-password")
                .get("/api/v1/rooms");
        Http.Response unknown = new Http(app.url("")).withBasic("nobody@example.com", TestApp.PASSWORD)
                .get("/api/v1/rooms");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(json(wrong).get("error")).isEqualTo(json(unknown).get("error"));
        assertNoInternals(wrong);
    }

    @Test
    void answers401ForMalformedAuthorizationHeaders() {
        Http http = app.http();
        for (String header : List.of("Bearer abc", "Basic !!!notbase64", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("no-colon".getBytes()), "Basic " + "A".repeat(2000))) {
            Http.Response r = http.get("/api/v1/rooms", "Authorization", header);
            assertThat(r.status()).as(header).isEqualTo(401);
            // a bearer token that is no token is answered as one: the client tried a token
            assertThat(r.header("WWW-Authenticate")).as(header).isEqualTo(header.startsWith("Bearer")
                    ? dev.reservation.web.errors.ErrorMapper.BEARER_CHALLENGE : CHALLENGE);
        }
    }

    @Test
    void acceptsCredentialsOnEveryCallAndTheEmailInAnyCase() {
        Http grace = new Http(app.url("")).withBasic("Grace@Example.COM", TestApp.PASSWORD);

        assertThat(grace.get("/api/v1/rooms").status()).isEqualTo(200);
        assertThat(grace.get("/api/v1/rooms").status()).isEqualTo(200);
        app.clock().advance(Duration.ofMinutes(5));
        assertThat(grace.get("/api/v1/rooms").status()).as("after the remembered verification expired").isEqualTo(200);
    }

    @Test
    void answers429WithRetryAfterOnceAnAccountIsThrottled() {
        Http wrong = new Http(app.url("")).withBasic(TestApp.GRACE, "guessing-1");
        for (int i = 0; i < 5; i++) {
            assertThat(wrong.get("/api/v1/rooms").status()).isEqualTo(401);
        }

        Http.Response blocked = app.api(TestApp.GRACE).get("/api/v1/rooms");

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(json(blocked).get("retryAfterSeconds").asLong()).isPositive();
        assertNoInternals(blocked);
    }

    @Test
    void aRememberedVerificationStillSeesADeactivation() {
        Http grace = app.api(TestApp.GRACE);
        assertThat(grace.get("/api/v1/rooms").status()).isEqualTo(200);

        assertThat(app.api(TestApp.ADMIN).post("/api/v1/users/u-grace/deactivate", null, "").status()).isEqualTo(200);

        assertThat(grace.get("/api/v1/rooms").status()).isEqualTo(401);
        assertThat(grace.postJson("/api/v1/reservations", booking("r-spree", "u-grace", TEN, ELEVEN, "x", 1)).status())
                .isEqualTo(401);
    }

    @Test
    void aPasswordChangeEndsTheOldPasswordAtOnce() {
        Http grace = app.api(TestApp.GRACE);
        assertThat(grace.get("/api/v1/rooms").status()).isEqualTo(200);

        Http.Response changed = grace.postJson("/api/v1/users/u-grace/password", "{\"password\":\"a-new-secret-1\"}");

        assertThat(changed.status()).isEqualTo(204);
        assertThat(grace.get("/api/v1/rooms").status()).isEqualTo(401);
        assertThat(new Http(app.url("")).withBasic(TestApp.GRACE, "a-new-secret-1").get("/api/v1/rooms").status())
                .isEqualTo(200);
    }

    @Test
    void answers403WhenTheCoresRulesForbid() {
        Http grace = app.api(TestApp.GRACE);
        String alans = json(app.api(TestApp.ALAN).postJson("/api/v1/reservations",
                booking("r-spree", "u-alan", TEN, ELEVEN, "Alan's", 1))).get("id").asText();

        Http.Response cancel = grace.post("/api/v1/reservations/" + alans + "/cancel", null, "");
        Http.Response room = grace.postJson("/api/v1/rooms", "{\"name\":\"Annex\",\"location\":\"Berlin\","
                + "\"capacity\":4,\"equipment\":[],\"zone\":\"Europe/Berlin\"}");
        Http.Response user = grace.postJson("/api/v1/users", "{\"name\":\"Eve\",\"email\":\"eve@example.com\"}");
        Http.Response password = grace.postJson("/api/v1/users/u-alan/password", "{\"password\":\"taken-over-1\"}");

        for (Http.Response r : List.of(cancel, room, user, password)) {
            assertThat(r.status()).isEqualTo(403);
            assertNoInternals(r);
        }
        assertThat(json(room).get("error").asText()).contains("member may not manage rooms");
        assertThat(json(app.api(TestApp.ADMIN).get("/api/v1/rooms")).findValuesAsText("name")).doesNotContain("Annex");
    }

    @Test
    void keepsHealthPublic() {
        assertThat(app.http().get("/health/live").status()).isEqualTo(200);
        assertThat(app.http().get("/health/ready").status()).isEqualTo(200);
    }
}
