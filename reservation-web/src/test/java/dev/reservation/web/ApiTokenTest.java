package dev.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reservation.core.auth.TokenScope;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Role;
import dev.reservation.core.service.ApiTokens;
import dev.reservation.web.errors.ErrorMapper;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.MutableClock;
import dev.reservation.web.support.Stores;
import dev.reservation.web.support.TestApp;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Personal API tokens: made with Basic, used as Bearer within their scope, revoked everywhere within seconds. */
class ApiTokenTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BOOKING = "{\"roomId\":\"r-spree\",\"start\":\"2026-03-03T09:00:00Z\","
            + "\"end\":\"2026-03-03T10:00:00Z\",\"title\":\"With a token\",\"attendees\":2}";

    TestApp app;
    TestApp other;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (other != null) {
            other.close();
        }
    }

    static JsonNode json(Http.Response r) throws Exception {
        return JSON.readTree(r.body());
    }

    String create(Http basic, String name, String scope) throws Exception {
        Http.Response r = basic.postJson("/api/v1/tokens", "{\"name\":\"" + name + "\",\"scope\":\"" + scope + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        String token = json(r).get("token").asText();
        assertThat(token).matches("rsv_[A-Za-z0-9_-]{43}");
        return token;
    }

    @Test
    void aBookTokenReadsAndBooksButManagesNothingAndIsShownOnlyOnce() throws Exception {
        app = TestApp.start();
        Http grace = app.api(TestApp.GRACE);
        String token = create(grace, "calendar sync", "book");

        JsonNode listed = json(grace.get("/api/v1/tokens")).get(0);
        assertThat(listed.get("name").asText()).isEqualTo("calendar sync");
        assertThat(listed.get("scope").asText()).isEqualTo("book");
        assertThat(listed.has("token")).as("never listed again").isFalse();
        assertThat(listed.get("lastUsedAt").isNull()).isTrue();

        Http withToken = app.bearer(token);
        assertThat(withToken.get("/api/v1/rooms").status()).isEqualTo(200);
        Http.Response booked = withToken.postJson("/api/v1/reservations", BOOKING);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(json(booked).get("userId").asText()).as("acts as its user").isEqualTo("u-grace");
        assertThat(withToken.post("/api/v1/reservations/" + json(booked).get("id").asText() + "/cancel",
                "application/json", "").status()).isEqualTo(200);

        Http.Response mint = withToken.postJson("/api/v1/tokens", "{\"name\":\"more\",\"scope\":\"book\"}");
        assertThat(mint.status()).isEqualTo(403);
        assertThat(json(mint).get("detail").asText()).contains("scope is book").contains("needs a token with scope admin");
        assertThat(json(grace.get("/api/v1/tokens")).get(0).get("lastUsedAt").asText())
                .isEqualTo(app.clock().instant().toString());
    }

    @Test
    void aReadTokenOnlyReadsAndAMemberGetsNoAdminScope() throws Exception {
        app = TestApp.start();
        Http grace = app.api(TestApp.GRACE);
        Http reader = app.bearer(create(grace, "dashboard", "read"));

        assertThat(reader.get("/api/v1/reservations").status()).isEqualTo(200);
        Http.Response book = reader.postJson("/api/v1/reservations", BOOKING);
        assertThat(book.status()).isEqualTo(403);
        assertThat(json(book).get("detail").asText()).contains("scope is read").contains("needs a token with scope book");
        assertThat(grace.get("/api/v1/reservations").body()).as("nothing was booked").isEqualTo("[]");

        Http.Response admin = grace.postJson("/api/v1/tokens", "{\"name\":\"x\",\"scope\":\"admin\"}");
        assertThat(admin.status()).isEqualTo(400);
        assertThat(json(admin).get("fields").get("scope").asText()).contains("needs an ADMIN user");
        Http.Response bad = grace.postJson("/api/v1/tokens", "{\"name\":\"x\",\"scope\":\"root\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(json(bad).get("fields").get("scope").asText()).contains("read, book or admin");
        assertThat(json(grace.get("/api/v1/tokens"))).hasSize(1);

        String adminToken = create(app.api(TestApp.ADMIN), "ops", "admin");
        assertThat(app.bearer(adminToken).postJson("/api/v1/rooms", "{\"name\":\"Annex\",\"location\":\"x\","
                + "\"capacity\":2,\"equipment\":[],\"zone\":\"UTC\"}").status()).isEqualTo(201);
    }

    @Test
    void aRevokedTokenStopsAtOnceHereAndWithinSecondsOnAnotherInstance() throws Exception {
        MutableClock clock = MutableClock.atMonday();
        Stores stores = Stores.inMemory(clock);
        app = TestApp.start(stores, clock, WebSettings.DEFAULT);
        other = TestApp.start(stores, clock, WebSettings.DEFAULT);
        Http grace = app.api(TestApp.GRACE);
        String token = create(grace, "ci", "read");
        Http here = app.bearer(token);
        Http there = other.bearer(token);
        assertThat(here.get("/api/v1/rooms").status()).isEqualTo(200);
        assertThat(there.get("/api/v1/rooms").status()).isEqualTo(200);
        String id = json(grace.get("/api/v1/tokens")).get(0).get("id").asText();

        assertThat(grace.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);

        Http.Response refused = here.get("/api/v1/rooms");
        assertThat(refused.status()).as("at once on the instance that revoked it").isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo(ErrorMapper.BEARER_CHALLENGE);
        assertThat(json(refused).get("type").asText()).endsWith(":token-refused");
        clock.advance(ApiTokens.DEFAULT_CACHE.plusSeconds(1));
        assertThat(there.get("/api/v1/rooms").status()).as("on the other within the cache's bound").isEqualTo(401);
        assertThat(grace.delete("/api/v1/tokens/" + id).status()).as("gone").isEqualTo(404);
    }

    @Test
    void withBasicTurnedOffOnlyTokensSignIn() throws Exception {
        app = TestApp.start(WebSettings.DEFAULT.withApiBasic(false));
        ApiTokens tokens = app.injector().getInstance(ApiTokens.class);
        String token = tokens.issue(new Actor("u-grace", Role.MEMBER), "u-grace", "only way in", TokenScope.READ).token();

        Http.Response basic = app.api(TestApp.GRACE).get("/api/v1/rooms");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(json(basic).get("detail").asText()).contains("HTTP Basic is turned off");
        assertThat(app.bearer(token).get("/api/v1/rooms").status()).isEqualTo(200);
        assertThat(app.bearer("rsv_" + "A".repeat(43)).get("/api/v1/rooms").status()).isEqualTo(401);
    }

    @Test
    void theAccountPageCreatesATokenShowsItOnceAndRevokesIt() throws Exception {
        app = TestApp.start();
        Http grace = app.signedIn(TestApp.GRACE);
        assertThat(grace.get("/account").body()).contains("href=\"/account/tokens\"");
        assertThat(grace.get("/account/tokens").body()).contains("You have no API tokens")
                .doesNotContain("<option value=\"admin\">");

        Http.Response made = grace.postForm("/account/tokens", java.util.Map.of("name", "laptop", "scope", "book"));
        assertThat(made.status()).isEqualTo(200);
        assertThat(made.header("Cache-Control")).isEqualTo("no-store");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rsv_[A-Za-z0-9_-]{43}").matcher(made.body());
        assertThat(m.find()).isTrue();
        String token = m.group();
        assertThat(app.bearer(token).get("/api/v1/rooms").status()).isEqualTo(200);
        assertThat(grace.get("/account/tokens").body()).as("shown once").doesNotContain(token).contains("laptop");

        Http.Response bad = grace.postForm("/account/tokens", java.util.Map.of("name", "", "scope", "book"));
        assertThat(bad.status()).isEqualTo(400);

        String id = json(grace.get("/api/v1/tokens")).get(0).get("id").asText();
        Http.Response revoked = grace.postForm("/account/tokens/" + id + "/revoke", java.util.Map.of());
        assertThat(revoked.status()).isEqualTo(303);
        assertThat(app.bearer(token).get("/api/v1/rooms").status()).isEqualTo(401);
    }
}
