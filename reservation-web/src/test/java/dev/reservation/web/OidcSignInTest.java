package dev.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.User;
import dev.reservation.web.auth.SessionCookie;
import dev.reservation.web.auth.SignInMethods;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.MockProvider;
import dev.reservation.web.support.MutableClock;
import dev.reservation.web.support.Stores;
import dev.reservation.web.support.TestApp;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Signing in with OpenID Connect, end to end over HTTP against a real provider in this process
 * ({@link MockProvider}: mock-oauth2-server, non-interactive, so its authorization endpoint answers
 * at once with a code and the ID token carries the claims each test queues). The test's client
 * plays the browser: it follows the redirects to the provider and back by hand, keeping cookies,
 * so every hop can be asserted. Covers discovery, the full code flow with PKCE, state and nonce,
 * provisioning, matching, the role claim, every refusal, sign-out at the provider, local
 * passwords off, and a sign-in that starts on one instance and completes on another.
 */
class OidcSignInTest {
    MockProvider provider;
    TestApp app;
    Http browser;

    /** A provider per test: its queue of ID token claims outlives a test whose flow never reached the token endpoint. */
    @BeforeEach
    void start() {
        provider = MockProvider.start(false);
        app = TestApp.start(WebSettings.DEFAULT, provider.signIn(true));
        browser = app.http();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void discoversTheProviderAtStartUp() {
        var discovered = provider.discover(provider.settings());

        assertThat(discovered.name()).isEqualTo(MockProvider.NAME);
        assertThat(discovered.endSessionOrigin()).contains("http://localhost:" + provider.issuer().getPort());
    }

    @Test
    void offersTheProviderOnTheSignInPageBesideThePasswordForm() {
        String page = browser.get("/signin?next=%2Freservations").body();

        assertThat(page).contains("id=\"oidc-signin\"", "Sign in with " + MockProvider.NAME,
                "href=\"/oidc/signin?next=%2Freservations\"", "name=\"password\"");
        assertThat(browser.get("/signin").header("Content-Security-Policy"))
                .as("the sign-out form may redirect to the provider's end-session endpoint")
                .contains("form-action 'self' http://localhost:" + provider.issuer().getPort() + ";");
    }

    @Test
    void sendsTheBrowserToTheProviderWithPkceStateAndNonceKeptInASealedCookie() {
        Http.Response start = browser.get("/oidc/signin?next=%2Freservations");

        assertThat(start.status()).isEqualTo(303);
        String location = start.header("Location");
        assertThat(location).startsWith(provider.authorizationEndpoint() + "?");
        Map<String, String> q = query(location);
        assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", MockProvider.CLIENT_ID)
                .containsEntry("redirect_uri", app.url("/oidc/callback"))
                .containsEntry("code_challenge_method", "S256").doesNotContainKey("code_verifier");
        assertThat(q.get("scope").split(" ")).contains("openid", "email", "profile");
        assertThat(q.get("state")).matches("[A-Za-z0-9_-]{43}");
        assertThat(q.get("nonce")).matches("[A-Za-z0-9_-]{43}");
        assertThat(q.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");

        String cookie = start.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("oidc_login_" + q.get("state") + "=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Path=/oidc").containsIgnoringCase("Max-Age=600");
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        assertThat(value.split("\\.", -1)).as("a compact JWE: encrypted, not just signed").hasSize(5);
        assertThat(value).doesNotContain(q.get("state")).doesNotContain(q.get("nonce"))
                .doesNotContain("reservations");
    }

    @Test
    void signsInSomeoneNewAndProvisionsThemWithTheDefaultRole() {
        provider.willIssue("sub-lin", MockProvider.person("Lin.Chen@Example.com", "Lin Chen"));

        Http.Response done = browser.get(throughProvider(browser, "/reservations?status=CONFIRMED"));

        assertThat(done.status()).isEqualTo(303);
        assertThat(done.header("Location")).isEqualTo("/reservations?status=CONFIRMED");
        assertThat(browser.cookie(SessionCookie.NAME)).matches("[A-Za-z0-9_-]{43}");
        assertThat(browser.get("/reservations").body()).contains("Lin Chen", "MEMBER", "Sign out");
        User lin = app.stores().users().findByEmail("lin.chen@example.com").orElseThrow();
        assertThat(lin.role()).isEqualTo(Role.MEMBER);
        assertThat(lin.active()).isTrue();
        assertThat(app.stores().credentials().find(lin.id())).as("no password").isEmpty();
    }

    @Test
    void matchesAnExistingUserByEmailWhateverItsCase() {
        int before = app.stores().users().findAll().size();
        provider.willIssue("sub-grace", MockProvider.person("GRACE@EXAMPLE.COM", "G. Hopper (provider)"));

        assertThat(browser.get(throughProvider(browser, null)).header("Location")).isEqualTo("/");

        assertThat(browser.get("/account").body()).contains("Grace Hopper", "grace@example.com")
                .doesNotContain("G. Hopper (provider)");
        assertThat(app.stores().users().findAll()).hasSize(before);
    }

    @Test
    void takesTheRoleFromTheClaimOnEverySignInWhenConfigured() {
        try (TestApp roles = TestApp.start(WebSettings.DEFAULT, new SignInMethods(true,
                Optional.of(provider.discover(provider.settings("groups", "rooms-admins")))))) {
            Http grace = roles.http();
            provider.willIssue("sub-grace", MockProvider.person("grace@example.com", "Grace",
                    List.of("staff", "rooms-admins")));
            assertThat(grace.get(throughProvider(roles, grace, null)).status()).isEqualTo(303);
            assertThat(grace.get("/users/new").status()).as("an ADMIN now").isEqualTo(200);
            assertThat(roles.stores().users().findByEmail("grace@example.com").orElseThrow().role())
                    .isEqualTo(Role.ADMIN);

            Http again = roles.http();
            provider.willIssue("sub-grace", MockProvider.person("grace@example.com", "Grace", List.of("staff")));
            assertThat(again.get(throughProvider(roles, again, null)).status()).isEqualTo(303);
            assertThat(roles.stores().users().findByEmail("grace@example.com").orElseThrow().role())
                    .as("out of the group at the provider: a MEMBER at the next sign-in").isEqualTo(Role.MEMBER);
            assertThat(grace.get("/users/new").status()).as("her other session follows at once").isEqualTo(403);

            Http boss = roles.http();
            provider.willIssue("sub-boss", MockProvider.person("boss@example.com", "Boss", List.of("rooms-admins")));
            boss.get(throughProvider(roles, boss, null));
            assertThat(roles.stores().users().findByEmail("boss@example.com").orElseThrow().role())
                    .as("provisioned with the claim's role").isEqualTo(Role.ADMIN);
        }
    }

    @Test
    void refusesACallbackWithAStateThisBrowserDidNotStart() {
        provider.willIssue("sub-grace", MockProvider.person("grace@example.com", "Grace"));
        String callback = throughProvider(browser, null);
        String state = query(callback).get("state");

        Http.Response forged = browser.get(callback.replace("state=" + state, "state=" + "A".repeat(43)));
        assertRefused(forged, 400, "not valid here");

        Http.Response otherBrowser = app.http().get(callback);
        assertRefused(otherBrowser, 400, "started in another browser");
        assertThat(browser.get("/reservations").status()).as("not signed in").isEqualTo(303);
    }

    @Test
    void refusesAReplayedCode() {
        provider.willIssue("sub-grace", MockProvider.person("grace@example.com", "Grace"));
        String callback = throughProvider(browser, null);
        String state = query(callback).get("state");
        String attemptCookie = browser.cookie("oidc_login_" + state);
        assertThat(browser.get(callback).status()).isEqualTo(303);
        assertThat(browser.cookie("oidc_login_" + state)).as("the attempt is used up").isNull();

        assertRefused(browser.get(callback), 400, "already used");

        // someone who copied both the redirect and the attempt cookie: a production provider refuses the used
        // code; this mock issues a token anyway, without the attempt's nonce, which the app refuses
        Http thief = app.http();
        thief.setCookie("oidc_login_" + state, attemptCookie);
        assertRefused(thief.get(callback), 401, "could not be verified");
        assertThat(thief.cookie(SessionCookie.NAME)).isNull();
    }

    @Test
    void refusesAnEmailTheProviderHasNotVerified() {
        int before = app.stores().users().findAll().size();
        provider.willIssue("sub-x", Map.of("email", "unverified@example.com", "email_verified", false, "name", "X"));
        assertRefused(browser.get(throughProvider(browser, null)), 403, "has not verified your email address");

        provider.willIssue("sub-y", Map.of("email", "silent@example.com", "name", "Y"));
        assertRefused(browser.get(throughProvider(browser, null)), 403, "has not verified");

        provider.willIssue("sub-z", Map.of("name", "Z"));
        assertRefused(browser.get(throughProvider(browser, null)), 403, "did not tell this app your email");
        assertThat(app.stores().users().findAll()).as("nobody provisioned").hasSize(before);
    }

    @Test
    void refusesADeactivatedUser() {
        User alan = app.stores().users().findByEmail(TestApp.ALAN).orElseThrow();
        app.stores().users().update(alan.withActive(false));
        provider.willIssue("sub-alan", MockProvider.person(TestApp.ALAN, "Alan"));

        assertRefused(browser.get(throughProvider(browser, null)), 403, "is deactivated");
        assertThat(browser.cookie(SessionCookie.NAME)).isNull();
    }

    @Test
    void saysSoWhenThePersonCancelsAtTheProvider() {
        String state = query(browser.get("/oidc/signin").header("Location")).get("state");

        Http.Response cancelled = browser.get("/oidc/callback?error=access_denied&error_description=User+cancelled"
                + "&state=" + state);

        assertRefused(cancelled, 401, "was cancelled");
        assertThat(cancelled.body()).contains("Sign-in cancelled").doesNotContain("User cancelled");
        assertThat(browser.cookie("oidc_login_" + state)).isNull();
    }

    @Test
    void saysSoWhenTheProviderRefusesTheCodeAsForAnExpiredOne() {
        provider.willRefuse("invalid_grant");
        assertRefused(browser.get(throughProvider(browser, null)), 401,
                "refused to finish signing you in (error: invalid_grant): the sign-in took too long");

        provider.willRefuse("invalid_client");
        assertRefused(browser.get(throughProvider(browser, null)), 401, "tell whoever runs this app");
    }

    @Test
    void refusesAnAttemptOlderThanTenMinutes() {
        provider.willIssue("sub-grace", MockProvider.person("grace@example.com", "Grace"));
        String callback = throughProvider(browser, null);
        app.clock().advance(Duration.ofMinutes(11));

        assertRefused(browser.get(callback), 400, "expired");
    }

    @Test
    void keepsAtMostThreeSignInAttemptsPerBrowser() {
        for (int i = 0; i < 6; i++) {
            browser.get("/oidc/signin");
            app.clock().advance(Duration.ofSeconds(1));
        }
        assertThat(cookieNames(browser).stream().filter(n -> n.startsWith("oidc_login_"))).hasSize(3);
    }

    @Test
    void signsOutHereAndAtTheProvider() {
        provider.willIssue("sub-grace", MockProvider.person("grace@example.com", "Grace"));
        browser.get(throughProvider(browser, null));
        assertThat(browser.get("/reservations").status()).isEqualTo(200);

        Http.Response out = browser.postForm("/signout", Map.of());

        assertThat(out.status()).isEqualTo(303);
        String location = out.header("Location");
        assertThat(location).startsWith(provider.endSessionEndpoint() + "?");
        Map<String, String> q = query(location);
        assertThat(q).containsEntry("post_logout_redirect_uri", app.url("/signin?out=1"))
                .containsEntry("client_id", MockProvider.CLIENT_ID).containsKey("id_token_hint");
        assertThat(q.get("id_token_hint").split("\\.")).as("the ID token of this sign-in").hasSize(3);
        Http.Response back = browser.getUrl(location);
        assertThat(back.header("Location")).isEqualTo(app.url("/signin?out=1"));
        assertThat(browser.get("/signin?out=1").body()).contains("You are signed out.");
        assertThat(browser.get("/reservations").status()).as("the session has ended").isEqualTo(303);
    }

    @Test
    void aPasswordSignInSignsOutOnlyHereEvenAfterAnEarlierProviderSignIn() {
        provider.willIssue("sub-grace", MockProvider.person("grace@example.com", "Grace"));
        browser.get(throughProvider(browser, null));
        browser.postForm("/signout", Map.of());

        assertThat(browser.signIn(TestApp.GRACE, TestApp.PASSWORD).status()).isEqualTo(303);
        assertThat(browser.postForm("/signout", Map.of()).header("Location")).isEqualTo("/signin?out=1");
    }

    @Test
    void aSignInStartedOnOneInstanceCompletesOnAnother() {
        MutableClock clock = MutableClock.atMonday();
        Stores stores = Stores.inMemory(clock);
        try (TestApp one = TestApp.start(stores, clock, WebSettings.DEFAULT, provider.signIn(true));
             TestApp two = TestApp.start(stores, clock, WebSettings.DEFAULT, provider.signIn(true))) {
            Http onOne = one.http();
            provider.willIssue("sub-lin", MockProvider.person("lin@example.com", "Lin"));
            String callback = throughProvider(one, onOne, null);
            String attempt = "oidc_login_" + query(callback).get("state");

            Http onTwo = two.http(); // the load balancer sends the provider's redirect to the other instance
            onTwo.setCookie(attempt, onOne.cookie(attempt));
            assertThat(onTwo.get(callback).status()).isEqualTo(303);

            Http backOnOne = one.http();
            backOnOne.setCookie(SessionCookie.NAME, onTwo.cookie(SessionCookie.NAME));
            assertThat(backOnOne.get("/reservations").body()).as("the session is in the store").contains("Lin");
        }
    }

    @Test
    void withLocalPasswordsOffOnlyTheProviderSignsIn() {
        try (TestApp off = TestApp.start(WebSettings.DEFAULT, provider.signIn(false))) {
            Http b = off.http();
            String page = b.get("/signin").body();
            assertThat(page).contains("Sign in with " + MockProvider.NAME).doesNotContain("name=\"password\"")
                    .contains("The JSON API is off here");

            Http.Response post = b.signIn(TestApp.GRACE, TestApp.PASSWORD);
            assertThat(post.status()).isEqualTo(403);
            assertThat(post.body()).contains("Passwords are turned off on this server");
            assertThat(b.cookie(SessionCookie.NAME)).isNull();

            Http.Response api = off.api(TestApp.GRACE).get("/api/v1/rooms");
            assertThat(api.status()).isEqualTo(403);
            String message = "local passwords are turned off on this server (--local-passwords off), so HTTP Basic"
                    + " sign-in to the API is refused; sign in to the web pages through the configured OpenID provider"
                    + " instead";
            assertThat(api.body()).as("as API.md shows it").isEqualTo("{\"type\":\"tag:reservations.meeting-rooms,2026:"
                    + "problem:local-passwords-off\",\"title\":\"Password sign-in is turned off\",\"status\":403,"
                    + "\"detail\":\"" + message + "\",\"error\":\"" + message + "\"}");
            assertThat(api.header("WWW-Authenticate")).isNull();
            assertThat(off.http().get("/api/v1/rooms").status()).as("without credentials too").isEqualTo(403);

            provider.willIssue("sub-grace", MockProvider.person("grace@example.com", "Grace"));
            assertThat(b.get(throughProvider(off, b, "/account")).header("Location")).isEqualTo("/account");
            assertThat(b.get("/account").body()).contains("Grace Hopper").doesNotContain("own-password-form");
            assertThat(b.postForm("/account/password", Map.of("current", TestApp.PASSWORD,
                    "password", "a-new-password")).status()).isEqualTo(403);
        }
    }

    @Test
    void recordsNoCodeTokenOrSecretInTheLog() {
        Logger web = (Logger) LoggerFactory.getLogger("dev.reservation");
        Logger access = (Logger) LoggerFactory.getLogger(dev.reservation.web.http.AccessLog.LOGGER);
        Level accessBefore = access.getLevel();
        access.setLevel(Level.INFO); // its lines name paths, never query strings: the callback's code stays out
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = web.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        web.setLevel(Level.DEBUG);
        try {
            provider.willIssue("sub-grace", MockProvider.person("grace@example.com", "Grace"));
            String callback = throughProvider(browser, null);
            browser.get(callback);
            browser.get(callback); // refused: logged
            browser.postForm("/signout", Map.of());
            String code = query(callback).get("code");

            List<String> lines = log.list.stream().filter(e -> e.getLoggerName().startsWith("dev.reservation"))
                    .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                            : e.getThrowableProxy().getMessage())).toList();
            assertThat(lines).anyMatch(l -> l.contains("OIDC sign-in through " + MockProvider.NAME + ": user"));
            assertThat(lines).anyMatch(l -> l.contains("OIDC sign-in through " + MockProvider.NAME + " failed"));
            assertThat(String.join("\n", lines)).doesNotContain(code).doesNotContain(provider.secret())
                    .as("no JWT or JWE (base64 '{\"' then dot-separated parts)")
                    .doesNotContainPattern("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]+");
        } finally {
            web.setLevel(before);
            access.setLevel(accessBefore);
            root.detachAppender(log);
        }
    }

    /** Starts signing in at {@link #app} and follows the provider back; returns the callback's path and query. */
    private String throughProvider(Http client, String next) {
        return throughProvider(app, client, next);
    }

    static String throughProvider(TestApp app, Http client, String next) {
        Http.Response start = client.get("/oidc/signin"
                + (next == null ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        assertThat(start.status()).isEqualTo(303);
        Http.Response atProvider = client.getUrl(start.header("Location"));
        assertThat(atProvider.status()).as("the provider redirects back").isIn(302, 303);
        String back = atProvider.header("Location");
        assertThat(back).startsWith(app.url("/oidc/callback?"));
        return back.substring(app.url("").length());
    }

    private static void assertRefused(Http.Response r, int status, String message) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.body()).contains(message).contains("href=\"/signin\"").contains("Back to sign in")
                .doesNotContain("Exception").doesNotContain("at dev.");
    }

    private static Map<String, String> query(String url) {
        String q = URI.create(url).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static List<String> cookieNames(Http client) {
        return client.cookieNames();
    }
}
