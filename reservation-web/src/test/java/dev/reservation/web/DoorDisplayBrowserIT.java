package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.store.ReservationStore;
import dev.reservation.web.support.TestApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The door display in headless Chromium: opened with the room's display token only (no session),
 * it shows the room free, checks in through its button, shows "reconnecting" with the last state
 * when the app stops, and recovers by itself when the app returns on the same port. Screenshots go
 * to target/screenshots/. Needs Debian's chromium and chromium-driver; skips without them.
 */
class DoorDisplayBrowserIT {
    static TestApp app;
    static WebApp restarted;
    static WebDriver browser;
    static Path profile;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(BrowserJourneyIT.CHROMIUM) && Files.isExecutable(BrowserJourneyIT.CHROMEDRIVER),
                "needs headless Chromium: install the Debian packages chromium and chromium-driver"
                        + " (/usr/bin/chromium, /usr/bin/chromedriver)");
        BrowserJourneyIT.SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        app = TestApp.start();
        profile = Files.createTempDirectory("chromium-profile");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserJourneyIT.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserJourneyIT.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,800", "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(service, options);
        Files.createDirectories(BrowserJourneyIT.SHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (restarted != null) {
            restarted.stop();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void showsTheRoomChecksInGoesReconnectingWhenTheAppStopsAndRecovers() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String url = json(app.api(TestApp.ADMIN).postJson("/api/v1/rooms/r-spree/display-token", "")).get("url").asText();
        String id = json(app.api(TestApp.GRACE).postJson("/api/v1/reservations", booking("r-spree", "u-grace",
                "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "Standup", 2))).get("id").asText();
        app.clock().set(Instant.parse("2026-03-02T09:55:00Z")); // check-in is open from 09:50

        browser.get(app.url(url));
        wait.until(ExpectedConditions.textToBe(By.id("door-state"), "FREE"));
        assertThat(browser.findElement(By.id("door-room")).getText()).isEqualTo("Spree");
        assertThat(browser.findElement(By.id("door-next")).getText()).isEqualTo("Next: 11:00–12:00");
        assertThat(browser.findElement(By.id("door-check-in")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("door-conn")).isDisplayed()).isFalse();
        assertThat(browser.getPageSource()).doesNotContain("Standup"); // a door shows no titles
        shot("30-door-free");

        browser.findElement(By.id("door-check-in")).click();
        wait.until(ExpectedConditions.textToBe(By.id("door-message"), "Checked in. Enjoy your meeting."));
        ReservationStore store = app.injector().getInstance(ReservationStore.class);
        assertThat(store.findById(id).orElseThrow().checkedInAt()).isEqualTo(Instant.parse("2026-03-02T09:55:00Z"));
        assertThat(browser.findElement(By.id("door-clock")).getText()).as("in the room's zone, not the browser's")
                .isEqualTo("Updated 10:55:00");
        shot("31-door-checked-in");

        int port = app.app().port();
        app.close();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("door-conn")));
        assertThat(browser.findElement(By.id("door-conn")).getText()).isEqualTo("reconnecting…");
        assertThat(browser.findElement(By.id("door-state")).getText()).as("the last state stays").isEqualTo("FREE");
        shot("32-door-reconnecting");

        app.clock().set(Instant.parse("2026-03-02T10:05:00Z"));
        restarted = new WebApp(app.injector(), WebSettings.DEFAULT).start(port);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("door-conn")));
        wait.until(ExpectedConditions.textToBe(By.id("door-state"), "BUSY"));
        assertThat(browser.findElement(By.id("door-detail")).getText()).startsWith("Busy until 12:00");
        shot("33-door-recovered-busy");
    }

    static void shot(String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), BrowserJourneyIT.SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
