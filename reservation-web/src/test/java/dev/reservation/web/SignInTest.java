package dev.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.web.auth.SessionCookie;
import dev.reservation.web.http.Csrf;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing in and out of the pages, sessions and their expiry, driven by the test clock. */
class SignInTest {
    TestApp app;
    Http browser;

    @BeforeEach
    void start() {
        app = TestApp.start(WebSettings.DEFAULT.withSessions(Duration.ofMinutes(30), Duration.ofHours(12)));
        browser = app.http();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void sendsEveryPageToSignInAndComesBackAfterwards() {
        for (String page : List.of("/", "/rooms", "/reservations?status=CONFIRMED", "/users", "/cluster", "/nowhere")) {
            Http.Response r = browser.get(page);
            assertThat(r.status()).as(page).isEqualTo(303);
            assertThat(r.header("Location")).as(page).startsWith("/signin");
        }
        assertThat(browser.get("/reservations?status=CONFIRMED").header("Location"))
                .isEqualTo("/signin?next=%2Freservations%3Fstatus%3DCONFIRMED");

        Http.Response signedIn = browser.postForm("/signin", Map.of("email", TestApp.GRACE,
                "password", TestApp.PASSWORD, "next", "/reservations?status=CONFIRMED"));

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Location")).isEqualTo("/reservations?status=CONFIRMED");
        assertThat(browser.get("/reservations").body()).contains("Grace Hopper", "Sign out");
    }

    @Test
    void keepsPublicThingsPublic() {
        assertThat(browser.get("/signin").status()).isEqualTo(200);
        assertThat(browser.get("/assets/app.css").status()).isEqualTo(200);
        assertThat(browser.get("/health/live").status()).isEqualTo(200);
        assertThat(browser.get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void setsAnHttpOnlySameSiteLaxSessionCookieWithoutSecureOverPlainHttp() {
        browser.get("/signin");
        Http.Response r = browser.postForm("/signin", Map.of("email", TestApp.GRACE, "password", TestApp.PASSWORD));

        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(SessionCookie.NAME + "="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure").doesNotContainIgnoringCase("Max-Age");
        assertThat(browser.cookie(SessionCookie.NAME)).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void marksTheCookiesSecureBehindATlsTerminatingProxy() {
        Http.Response form = browser.get("/signin", "X-Forwarded-Proto", "https");
        String csrf = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Csrf.COOKIE + "="))
                .findFirst().orElseThrow();
        assertThat(csrf).containsIgnoringCase("; Secure");
        String token = csrf.substring(Csrf.COOKIE.length() + 1, csrf.indexOf(';'));
        // a Secure cookie is not sent back over plain HTTP by the client, so the test sends it by hand
        Http.Response r = browser.post("/signin", "application/x-www-form-urlencoded", "email=grace%40example.com"
                + "&password=" + TestApp.PASSWORD + "&_csrf=" + token, "X-Forwarded-Proto", "https",
                "Cookie", Csrf.COOKIE + "=" + token);

        assertThat(r.status()).isEqualTo(303);
        assertThat(r.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith(SessionCookie.NAME + "=")
                || c.startsWith(Csrf.COOKIE + "=")).hasSize(2).allSatisfy(c -> assertThat(c).containsIgnoringCase(
                "; Secure"));
    }

    @Test
    void answersTheSameForAnUnknownEmailAndAWrongPassword() {
        Http.Response unknown = browser.signIn("nobody@example.com", TestApp.PASSWORD);
        Http.Response wrong = browser.signIn(TestApp.GRACE, "wrong-password");

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(message(unknown)).isEqualTo(message(wrong)).contains("Email or password is wrong");
        assertThat(wrong.body()).contains("value=\"grace@example.com\"").doesNotContain("wrong-password");
        assertThat(browser.cookie(SessionCookie.NAME)).isNull();
    }

    @Test
    void refusesTheSignInFormWithoutItsCsrfToken() {
        browser.get("/signin");

        Http.Response r = browser.postFormRaw("/signin", Map.of("email", TestApp.GRACE, "password", TestApp.PASSWORD));

        assertThat(r.status()).isEqualTo(403);
        assertThat(browser.cookie(SessionCookie.NAME)).isNull();
    }

    @Test
    void returnsOnlyToLocalPaths() {
        for (String next : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example")) {
            Http http = app.http();
            http.get("/signin");
            Http.Response r = http.postForm("/signin", Map.of("email", TestApp.GRACE, "password", TestApp.PASSWORD,
                    "next", next));
            assertThat(r.header("Location")).as(next).isEqualTo("/");
        }
    }

    @Test
    void startsAFreshSessionAndCsrfTokenAtEverySignIn() {
        Http grace = app.signedIn(TestApp.GRACE);
        String first = grace.cookie(SessionCookie.NAME);
        String token = grace.cookie(Csrf.COOKIE);

        grace.signIn(TestApp.GRACE, TestApp.PASSWORD);

        assertThat(grace.cookie(SessionCookie.NAME)).isNotEqualTo(first);
        assertThat(grace.cookie(Csrf.COOKIE)).isNotEqualTo(token);
        assertThat(withSession(app.http(), first).get("/").status()).as("the old session ended").isEqualTo(303);
        assertThat(withSession(app.http(), grace.cookie(SessionCookie.NAME)).get("/").status())
                .as("the cookie alone carries the new one").isEqualTo(200);
    }

    @Test
    void signsOutWithACsrfProtectedPost() {
        Http grace = app.signedIn(TestApp.GRACE);
        String session = grace.cookie(SessionCookie.NAME);
        assertThat(withSession(app.http(), session).get("/").status()).isEqualTo(200);

        Http.Response forged = grace.postFormRaw("/signout", Map.of());
        Http.Response out = grace.postForm("/signout", Map.of());

        assertThat(forged.status()).isEqualTo(403);
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.header("Location")).isEqualTo("/signin?out=1");
        assertThat(grace.get("/signin?out=1").body()).contains("You are signed out.");
        assertThat(grace.get("/").status()).isEqualTo(303);
        assertThat(withSession(app.http(), session).get("/").status()).as("the server forgot it").isEqualTo(303);
    }

    @Test
    void endsASessionAfterThirtyIdleMinutes() {
        Http grace = app.signedIn(TestApp.GRACE);
        app.clock().advance(Duration.ofMinutes(29));
        assertThat(grace.get("/").status()).as("used within the idle time").isEqualTo(200);
        app.clock().advance(Duration.ofMinutes(29));
        assertThat(grace.get("/").status()).as("each request restarts the idle time").isEqualTo(200);

        app.clock().advance(Duration.ofMinutes(30));
        Http.Response r = grace.get("/rooms");

        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("/signin?next=%2Frooms&ended=1");
        assertThat(grace.get(r.header("Location")).body()).contains("Your session has ended");
    }

    @Test
    void endsASessionTwelveHoursAfterSignInHoweverActive() {
        Http grace = app.signedIn(TestApp.GRACE);
        for (int i = 0; i < 28; i++) {
            app.clock().advance(Duration.ofMinutes(25));
            assertThat(grace.get("/").status()).as("after %d minutes", (i + 1) * 25).isEqualTo(200);
        }

        app.clock().advance(Duration.ofMinutes(25)); // 12 h 5 min after sign-in

        assertThat(grace.get("/").status()).isEqualTo(303);
    }

    @Test
    void blocksAnAccountAfterRepeatedFailuresWith429AndRetryAfter() {
        for (int i = 0; i < 5; i++) {
            assertThat(browser.signIn(TestApp.GRACE, "guess-" + i).status()).isEqualTo(401);
        }

        Http.Response blocked = browser.signIn(TestApp.GRACE, TestApp.PASSWORD);

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(message(blocked)).contains("Too many failed sign-ins");
        app.clock().advance(Duration.ofMinutes(16));
        assertThat(browser.signIn(TestApp.GRACE, TestApp.PASSWORD).status()).as("the block lifts").isEqualTo(303);
    }

    @Test
    void blocksAnAddressTryingManyAccounts() {
        for (String email : List.of("a@example.com", "b@example.com", "c@example.com", "d@example.com",
                "e@example.com")) {
            browser.signIn(email, "whatever-1");
        }

        assertThat(browser.signIn(TestApp.ALAN, TestApp.PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void signsADeactivatedUserOutOnTheirNextRequest() {
        Http grace = app.signedIn(TestApp.GRACE);
        assertThat(grace.get("/").status()).isEqualTo(200);

        assertThat(app.signedIn(TestApp.ADMIN).postForm("/users/u-grace/deactivate", Map.of()).status())
                .isEqualTo(303);

        Http.Response next = grace.get("/reservations");
        assertThat(next.status()).isEqualTo(303);
        assertThat(next.header("Location")).contains("ended=1");
        assertThat(app.http().signIn(TestApp.GRACE, TestApp.PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void redirectsAnAlreadySignedInUserAwayFromTheSignInPage() {
        Http grace = app.signedIn(TestApp.GRACE);

        Http.Response r = grace.get("/signin?next=/rooms");

        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("/rooms");
    }

    static String message(Http.Response r) {
        int at = r.body().indexOf("id=\"signin-error\">");
        return r.body().substring(at, r.body().indexOf("</p>", at));
    }

    /** A client that presents someone's session cookie (as a thief would). */
    static Http withSession(Http http, String sessionId) {
        http.setCookie(SessionCookie.NAME, sessionId);
        return http;
    }
}
