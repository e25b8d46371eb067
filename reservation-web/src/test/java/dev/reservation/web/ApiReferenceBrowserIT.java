package dev.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.web.support.TestApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API reference page in headless Chromium, under the app's own CSP: Swagger UI (served from
 * its webjar by the app, no CDN) renders the served OpenAPI document, its operations appear, and
 * the browser reports no blocked script or style. Needs Debian's chromium and chromium-driver.
 */
class ApiReferenceBrowserIT {
    static TestApp app;
    static WebDriver browser;
    static Path profile;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(BrowserJourneyIT.CHROMIUM)
                        && Files.isExecutable(BrowserJourneyIT.CHROMEDRIVER),
                "needs headless Chromium: install the Debian packages chromium and chromium-driver");
        BrowserJourneyIT.SELENIUM_LOG.setLevel(Level.SEVERE);
        app = TestApp.start();
        profile = Files.createTempDirectory("chromium-profile");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserJourneyIT.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserJourneyIT.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
        Files.createDirectories(BrowserJourneyIT.SHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void rendersTheServedDocumentUnderTheAppsCsp() throws IOException {
        browser.get(app.url("/assets/api-reference.html"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));

        String page = browser.findElement(By.id("api-reference")).getText();
        assertThat(page).contains("Meeting-room reservations API").contains("/api/v1/reservations")
                .contains("Book a room").contains("/api/v1/tokens");
        assertThat(browser.findElements(By.cssSelector(".opblock")).size()).as("operations shown").isGreaterThan(30);
        List<String> blocked = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy") || m.contains("Refused"))
                .toList();
        assertThat(blocked).as("nothing blocked by the CSP").isEmpty();
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), BrowserJourneyIT.SHOTS.resolve("40-api-reference.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
