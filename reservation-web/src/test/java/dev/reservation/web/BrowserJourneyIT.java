package dev.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.reservation.web.support.JsonAssert.booking;

import dev.reservation.web.support.MockProvider;
import dev.reservation.web.support.TestApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import dev.reservation.web.support.AxeCore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in headless Chromium: is sent to the sign-in page, signs in as the demo member Grace,
 * books a room through /reserve, sees it on /reservations, provokes a conflict, takes a
 * suggestion, sees someone else's booking only as busy, cancels with the confirm dialog and signs
 * out. Another signs in through the OpenID provider's own login page (mock-oauth2-server in this
 * process, interactive), lands signed in, and signs out here and at the provider. Every page is
 * checked with axe-core against WCAG 2.1 A and AA and photographed 390 px wide (a phone), and a
 * booking is made with the keyboard alone. Screenshots go to target/screenshots/. Needs Debian's
 * chromium and chromium-driver, and npm for axe-core; skips without them, saying so (the provider
 * needs nothing: it always runs).
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class BrowserJourneyIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static TestApp app;
    static MockProvider provider;
    static WebDriver browser;
    static Path profile;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs headless Chromium: install the Debian packages chromium and chromium-driver"
                        + " (/usr/bin/chromium, /usr/bin/chromedriver)");
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE); // no CDP-version chatter: devtools are unused
        provider = MockProvider.start(true);
        app = TestApp.start(WebSettings.DEFAULT, provider.signIn(true));
        profile = Files.createTempDirectory("chromium-profile");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "Europe/London")).build(); // a person in London
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath(),
                // the provider's login page links a web font: no name but localhost resolves, so nothing leaves
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void signsInBooksSeesProvokesAConflictTakesASuggestionAndCancels() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        app.api(TestApp.ALAN).postJson("/api/v1/reservations", booking("r-havel", "u-alan",
                "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "Alan's secret plan", 2));
        browser.get(app.url("/reserve?roomId=r-spree&date=2026-03-02&start=11:00&end=12:00"));
        wait.until(ExpectedConditions.urlContains("/signin?next="));
        shot("00-sign-in");
        browser.findElement(By.id("s-email")).sendKeys(TestApp.GRACE);
        browser.findElement(By.id("s-password")).sendKeys("not-her-password");
        browser.findElement(By.id("signin-submit")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error"))).getText())
                .containsIgnoringCase("email or password is wrong");
        browser.findElement(By.id("s-password")).sendKeys(TestApp.PASSWORD);
        browser.findElement(By.id("signin-submit")).click();

        wait.until(ExpectedConditions.urlContains("/reserve?roomId=r-spree"));
        assertThat(browser.findElement(By.id("me")).getText()).isEqualTo("Grace Hopper");
        browser.findElement(By.id("r-title")).sendKeys("Design review");
        browser.findElement(By.id("r-attendees")).clear();
        browser.findElement(By.id("r-attendees")).sendKeys("3");
        assertThat(browser.findElement(By.id("r-for")).getText()).contains("Grace Hopper (you)");
        assertThat(browser.findElements(By.id("r-user"))).as("a member books for herself").isEmpty();
        shot("02-reserve-form");
        browser.findElement(By.id("reserve-submit")).click();

        wait.until(ExpectedConditions.urlContains("/reservations?booked="));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                .contains("Booked: “Design review” — Spree, Mon 2 Mar 2026, 11:00–12:00 (Europe/Berlin;"
                        + " 10:00–11:00 your time, Europe/London)");
        assertThat(browser.findElement(By.id("reservations")).getText()).contains("Design review", "Grace Hopper");
        shot("03-reservations");

        browser.get(app.url("/reserve?roomId=r-spree&date=2026-03-02&start=11:30&end=12:30"));
        browser.findElement(By.id("r-title")).sendKeys("Overlapping <b>sync</b>");
        browser.findElement(By.id("reserve-submit")).click();
        WebElement conflict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict")));
        assertThat(conflict.getText()).contains("Design review").contains("next free: Mon 2 Mar 2026, 12:00–13:00");
        assertThat(browser.findElement(By.id("r-title")).getAttribute("value")).isEqualTo("Overlapping <b>sync</b>");
        shot("04-conflict");

        browser.findElement(By.cssSelector("#suggestions li:first-child button")).click();
        wait.until(ExpectedConditions.urlContains("/reservations?booked="));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                .contains("Overlapping <b>sync</b>").contains("12:00–13:00");
        shot("05-suggestion-taken");

        browser.get(app.url("/rooms/r-spree?view=week&date=2026-03-02"));
        assertThat(browser.findElement(By.id("schedule")).getText()).contains("Design review");
        shot("06-room-week");

        browser.get(app.url("/reservations"));
        String list = browser.findElement(By.id("reservations")).getText();
        assertThat(list).as("someone else's booking is only busy").contains("Havel", "Busy")
                .doesNotContain("Alan's secret plan").doesNotContain("Alan Turing");
        assertThat(browser.findElements(By.cssSelector("#reservations form.confirm"))).hasSize(2);
        browser.findElement(By.cssSelector("#reservations form.confirm button")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.urlContains("cancelled="));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).startsWith("Cancelled:");
        shot("07-cancelled");

        browser.get(app.url("/cluster"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("in-memory store");
        shot("08-cluster");

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/signin?out=1"));
        browser.get(app.url("/reservations"));
        wait.until(ExpectedConditions.urlContains("/signin?next=%2Freservations"));
        shot("09-signed-out");
    }

    /** Signs in through the form as {@code email}, from a browser with no session. */
    static void signIn(String email) {
        browser.manage().deleteAllCookies();
        browser.get(app.url("/signin"));
        browser.findElement(By.id("s-email")).sendKeys(email);
        browser.findElement(By.id("s-password")).sendKeys(TestApp.PASSWORD);
        browser.findElement(By.id("signin-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("me")));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void everyPageMeetsWcag21AaAndFitsAPhone() throws IOException {
        AxeCore.Result axe = AxeCore.load();
        Assumptions.assumeTrue(axe.get().isPresent(), () -> "axe-core: " + axe.whyNot());
        app.api(TestApp.ALAN).postJson("/api/v1/reservations", booking("r-tiergarten", "u-alan",
                "2026-03-02T12:00:00Z", "2026-03-02T13:00:00Z", "Alan's review", 4));
        String graceBooking = dev.reservation.web.support.JsonAssert.json(app.api(TestApp.GRACE).postJson(
                "/api/v1/reservations", booking("r-tiergarten", "u-grace", "2026-03-02T14:00:00Z",
                        "2026-03-02T15:00:00Z", "Grace's planning", 3))).get("id").asText();
        Map<String, List<String>> violations = new LinkedHashMap<>();

        browser.manage().deleteAllCookies();
        check(axe, violations, "m00-sign-in", "/signin");
        browser.findElement(By.id("s-email")).sendKeys(TestApp.GRACE);
        browser.findElement(By.id("s-password")).sendKeys("wrong-password");
        browser.findElement(By.id("signin-submit")).click();
        checkCurrent(axe, violations, "m01-sign-in-error");

        signIn(TestApp.GRACE);
        check(axe, violations, "m02-home", "/");
        check(axe, violations, "m03-rooms", "/rooms");
        check(axe, violations, "m04-rooms-found", "/rooms?date=2026-03-02&start=14:00&end=15:00&zone=Europe%2FBerlin"
                + "&seats=2&place=Berlin");
        check(axe, violations, "m05-room-day", "/rooms/r-tiergarten?view=day&date=2026-03-02");
        check(axe, violations, "m06-room-week", "/rooms/r-tiergarten?view=week&date=2026-03-02");
        check(axe, violations, "m07-reserve", "/reserve?roomId=r-tiergarten&date=2026-03-02&start=13:00&end=14:00");
        browser.findElement(By.id("r-date")).clear();
        browser.findElement(By.id("r-title")).sendKeys("A title");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('r-date').removeAttribute('required');"
                        + "document.getElementById('r-start').value='';document.getElementById('r-start').removeAttribute('required');");
        browser.findElement(By.id("reserve-submit")).click();
        checkCurrent(axe, violations, "m08-reserve-error");
        check(axe, violations, "m09-reserve-conflict-form", "/reserve?roomId=r-tiergarten&date=2026-03-02&start=13:30&end=14:30");
        browser.findElement(By.id("r-title")).sendKeys("Clash");
        browser.findElement(By.id("reserve-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("conflict")));
        checkCurrent(axe, violations, "m10-reserve-conflict");
        check(axe, violations, "m11-reservations", "/reservations");
        check(axe, violations, "m12-reservation", "/reservations/" + graceBooking);
        check(axe, violations, "m13-account", "/account");
        check(axe, violations, "m14-locations", "/locations");
        check(axe, violations, "m15-cluster", "/cluster");

        signIn(TestApp.ADMIN);
        check(axe, violations, "m16-users-admin", "/users");
        check(axe, violations, "m17-user-new", "/users/new");
        check(axe, violations, "m18-rooms-admin", "/rooms");
        check(axe, violations, "m19-room-new", "/rooms/new");
        check(axe, violations, "m20-room-edit", "/rooms/r-spree/edit");
        check(axe, violations, "m21-locations-admin", "/locations");
        check(axe, violations, "m22-reserve-admin", "/reserve");

        assertThat(tooWide).as("pages wider than 390 px (elements sticking out)").isEmpty();
        violations.values().removeIf(List::isEmpty);
        assertThat(violations).as("WCAG 2.1 AA violations (axe-core %s) by page:%n%s", AxeCore.VERSION,
                String.join("\n", violations.entrySet().stream().flatMap(e -> e.getValue().stream()
                        .map(v -> e.getKey() + ": " + v)).toList())).isEmpty();
    }

    private static void check(AxeCore.Result axe, Map<String, List<String>> violations, String name, String path)
            throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(app.url(path));
        checkCurrent(axe, violations, name);
    }

    /** axe on the page as loaded (desktop width), then a phone-wide screenshot of the whole page. */
    private static void checkCurrent(AxeCore.Result axe, Map<String, List<String>> violations, String name)
            throws IOException {
        violations.put(name + " " + browser.getCurrentUrl().replaceFirst("^http://[^/]+", ""),
                axe.get().orElseThrow().violations(browser));
        browser.manage().window().setSize(new Dimension(390, 844));
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
        browser.manage().window().setSize(new Dimension(390, (int) Math.min(Math.max(height + 160, 844), 3600)));
        Object wide = js.executeScript("var vw = document.documentElement.clientWidth, out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) {"
                + " if (e.closest('.table-wrap') || e.closest('.visually-hidden') || e.closest('.skip-link')) { return; }"
                + " var r = e.getBoundingClientRect(); if (r.width > 0 && r.right > vw + 1) {"
                + "  out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '')"
                + "   + ' right=' + Math.round(r.right)); } });"
                + "return out.slice(0, 8).join(', ');");
        if (!String.valueOf(wide).isEmpty()) {
            tooWide.put(name, String.valueOf(wide));
        }
        shot(name + "-390px");
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    /** Pages wider than the phone (outside the scrolling table wrappers): page to the elements that stick out. */
    static final Map<String, String> tooWide = new LinkedHashMap<>();

    @Test
    @org.junit.jupiter.api.Order(3)
    void booksWithTheKeyboardAlone() throws IOException {
        signIn(TestApp.GRACE);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(app.url("/rooms/r-camden?view=day&date=2026-03-02"));
        WebElement slot = tabUntil(e -> String.valueOf(e.getAttribute("aria-label")).contains("from 14:00"), 120);
        assertThat(outline(slot)).as("a visible focus ring on the grid").isNotEqualTo("none");
        slot.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/reserve?"));
        WebElement title = tabUntil(e -> "r-title".equals(e.getAttribute("id")), 40);
        assertThat(outline(title)).as("a visible focus ring in the form").isNotEqualTo("none");
        title.sendKeys("Keyboard only");
        WebElement submit = tabUntil(e -> "reserve-submit".equals(e.getAttribute("id")), 10);
        shot("k1-keyboard-form");
        submit.sendKeys(Keys.SPACE);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/reservations?booked="));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                .contains("Booked: “Keyboard only” — Camden, Mon 2 Mar 2026, 14:00–15:00 (Europe/London)");
        shot("k2-keyboard-booked");
    }

    /** Presses Tab until the focused element matches, at most {@code max} times. */
    private static WebElement tabUntil(java.util.function.Predicate<WebElement> wanted, int max) {
        for (int i = 0; i < max; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("not reached with " + max + " presses of Tab; focus is on "
                + browser.switchTo().activeElement().getAttribute("outerHTML"));
    }

    private static String outline(WebElement e) {
        return e.getCssValue("outline-style");
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void signsInThroughTheProvidersOwnPageLandsSignedInAndSignsOutThereToo() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(app.url("/signin"));
        browser.manage().deleteAllCookies(); // whatever the other journey left
        browser.get(app.url("/reservations?status=CONFIRMED"));
        wait.until(ExpectedConditions.urlContains("/signin?next="));
        WebElement withProvider = browser.findElement(By.id("oidc-signin"));
        assertThat(withProvider.getText()).isEqualTo("Sign in with " + MockProvider.NAME);
        shot("20-sign-in-with-provider");
        withProvider.sendKeys(Keys.ENTER); // a link: reachable and usable from the keyboard

        wait.until(ExpectedConditions.urlContains(provider.authorizationEndpoint()));
        browser.findElement(By.name("username")).sendKeys("lin-at-staff");
        browser.findElement(By.name("claims")).sendKeys("{\"email\": \"Lin.Chen@example.com\","
                + " \"email_verified\": true, \"name\": \"Lin Chen\"}");
        shot("21-provider-login-page");
        browser.findElement(By.cssSelector("input[type=submit]")).click();

        wait.until(ExpectedConditions.urlToBe(app.url("/reservations?status=CONFIRMED")));
        assertThat(browser.findElement(By.id("me")).getText()).isEqualTo("Lin Chen");
        assertThat(browser.findElement(By.cssSelector("header .tag")).getText()).isEqualTo("MEMBER");
        shot("22-signed-in-through-provider");

        browser.findElement(By.id("sign-out")).click(); // here, then at the provider's end-session endpoint, then back
        wait.until(ExpectedConditions.urlToBe(app.url("/signin?out=1")));
        assertThat(browser.findElement(By.id("signin-notice")).getText()).isEqualTo("You are signed out.");
        shot("23-signed-out-at-provider");
        browser.get(app.url("/reservations"));
        wait.until(ExpectedConditions.urlContains("/signin?next=%2Freservations"));
    }

    static void shot(String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
