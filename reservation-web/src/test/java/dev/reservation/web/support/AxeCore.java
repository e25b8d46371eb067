package dev.reservation.web.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the npm package, version {@code axe.version} from the parent POM) for the browser
 * test: installed once into {@code target/axe-core} with npm, injected into each page, run with the
 * WCAG 2.1 A and AA rule set. {@link #load()} says why it is not available (no npm, no registry)
 * so the test can skip with that reason. Not thread-safe (one browser).
 */
public final class AxeCore {
    public static final String VERSION = System.getProperty("axe.version", "4.10.3");
    static final Path DIR = Path.of("target", "axe-core");
    static final Path SCRIPT = DIR.resolve("node_modules/axe-core/axe.min.js");

    private final String source;

    private AxeCore(String source) {
        this.source = source;
    }

    /** The installed axe-core, or why it cannot be had. */
    public static Result load() {
        try {
            if (!Files.isRegularFile(SCRIPT) || !installedVersion().equals(VERSION)) {
                Files.createDirectories(DIR);
                Process npm;
                try {
                    npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-save",
                            "--prefix", DIR.toAbsolutePath().toString(), "axe-core@" + VERSION)
                            .redirectErrorStream(true).redirectOutput(DIR.resolve("npm.log").toFile()).start();
                } catch (IOException noNpm) {
                    return new Result(null, "needs npm to install axe-core " + VERSION + " (" + noNpm.getMessage() + ")");
                }
                if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                    npm.destroyForcibly();
                    return new Result(null, "npm install axe-core@" + VERSION + " took over 5 minutes (no registry?)");
                }
                if (npm.exitValue() != 0 || !Files.isRegularFile(SCRIPT)) {
                    return new Result(null, "npm install axe-core@" + VERSION + " failed (exit " + npm.exitValue()
                            + "; see " + DIR.resolve("npm.log") + "): no network or registry?");
                }
            }
            return new Result(new AxeCore(Files.readString(SCRIPT, StandardCharsets.UTF_8)), null);
        } catch (IOException e) {
            return new Result(null, "could not read or install axe-core: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted installing axe-core");
        }
    }

    private static String installedVersion() throws IOException {
        Path pkg = DIR.resolve("node_modules/axe-core/package.json");
        if (!Files.isRegularFile(pkg)) {
            return "";
        }
        var m = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(pkg));
        return m.find() ? m.group(1) : "";
    }

    /** axe-core, or the reason it is missing. */
    public record Result(AxeCore axe, String whyNot) {
        public Optional<AxeCore> get() {
            return Optional.ofNullable(axe);
        }
    }

    /** The WCAG 2.1 A + AA violations on the current page, one line per failing element. */
    @SuppressWarnings("unchecked")
    public List<String> violations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(source);
        Object raw = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
                + " resultTypes: ['violations']})"
                + ".then(function (r) { done(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
                + " help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(' ') + ' — '"
                + " + (n.failureSummary || '').replace(/\\n/g, ' '); })}; })); })"
                + ".catch(function (e) { done([{id: 'axe-error', impact: 'error', help: String(e), nodes: []}]); });");
        List<String> lines = new ArrayList<>();
        for (Object o : (List<Object>) raw) {
            Map<String, Object> v = (Map<String, Object>) o;
            List<Object> nodes = (List<Object>) v.get("nodes");
            if (nodes.isEmpty()) {
                lines.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("help"));
            }
            for (Object node : nodes) {
                lines.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " — " + node);
            }
        }
        return lines;
    }
}
