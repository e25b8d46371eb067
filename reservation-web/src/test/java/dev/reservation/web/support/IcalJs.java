package dev.reservation.web.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A second, independent iCalendar parser for the tests: ical.js (npm) run by Node.js. Installed on
 * first use under {@code target/icaljs} with npm (CI has npm and the registry); a machine without
 * node or npm skips the check with a message saying so. Not thread-safe (tests use it from one thread).
 */
public final class IcalJs {
    public static final String PACKAGE = "ical.js@2.2.1";
    private static final Path DIR = Path.of("target", "icaljs");
    private static boolean installed;

    private IcalJs() {
    }

    /** Parses {@code ics} with ical.js; skips the calling test when node or npm is absent. */
    public static JsonNode parse(String ics) {
        ensureInstalled();
        try {
            Process node = new ProcessBuilder("node", DIR.resolve("parse.cjs").toString()).redirectErrorStream(false)
                    .start();
            node.getOutputStream().write(ics.getBytes(StandardCharsets.UTF_8));
            node.getOutputStream().close();
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new AssertionError("ical.js could not parse the calendar: " + err + "\n" + ics);
            }
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new AssertionError("running node failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static synchronized void ensureInstalled() {
        Assumptions.assumeTrue(runs("node", "--version") && runs("npm", "--version"),
                "node and npm are not on this machine: the ical.js cross-check is skipped (iCal4j still parses every feed)");
        if (installed) {
            return;
        }
        try {
            Files.createDirectories(DIR);
            try (InputStream script = IcalJs.class.getResourceAsStream("/icaljs/parse.cjs")) {
                Files.copy(script, DIR.resolve("parse.cjs"), StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.exists(DIR.resolve("node_modules/ical.js/package.json"))) {
                Process npm = new ProcessBuilder("npm", "install", "--prefix", DIR.toString(), "--no-audit", "--no-fund",
                        "--no-save", PACKAGE).redirectErrorStream(true).start();
                String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                    throw new AssertionError("npm install " + PACKAGE + " failed:\n" + log);
                }
            }
            installed = true;
        } catch (IOException e) {
            throw new AssertionError("installing ical.js failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
