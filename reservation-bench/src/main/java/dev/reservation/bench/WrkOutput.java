package dev.reservation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code wrk --latency -s reservation-bench/wrk/report.lua} printed and writes it as the
 * same JSON shape {@link HttpLoad} writes, so the results put both generators side by side. The
 * text is wrk 4's own report; the {@code WRK_JSON} line from the Lua script, when present, gives
 * exact percentiles (including p99.9) and the error counts, and wins over the rounded text.
 * wrk 4 is a closed-loop generator: its latencies are not corrected for coordinated omission.
 *
 * <p>Usage: {@code WrkOutput <scenario> <wrk-output.txt> <out.json>}. Stateless.
 */
public final class WrkOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RUNNING = Pattern.compile("Running (\\S+) test @ (\\S+)");
    private static final Pattern THREADS = Pattern.compile("(\\d+) threads and (\\d+) connections");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m|h),");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|75|90|99)(?:\\.0+)?%\\s+([0-9.]+)(us|ms|s|m|h)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern LATENCY_ROW = Pattern.compile(
            "Latency\\s+([0-9.]+)(us|ms|s|m|h)\\s+([0-9.]+)(us|ms|s|m|h)\\s+([0-9.]+)(us|ms|s|m|h)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern REPORT = Pattern.compile("^WRK_JSON (\\{.*})\\s*$", Pattern.MULTILINE);

    private WrkOutput() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: WrkOutput <scenario> <wrk-output.txt> <out.json>");
            System.exit(2);
        }
        ObjectNode result = parse(args[0], Files.readString(Path.of(args[1])));
        Files.writeString(Path.of(args[2]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println(String.format(Locale.ROOT, "wrk %s c=%d: %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d,"
                        + " non-2xx %d", args[0], result.path("concurrency").asInt(),
                result.path("throughputPerSecond").asDouble(), result.path("latencyMillis").path("p50").asDouble(),
                result.path("latencyMillis").path("p99").asDouble(), result.path("errors").asLong(),
                result.path("non2xx").asLong()));
    }

    /** Parses wrk's report; throws {@link IllegalArgumentException} if it is not one (wrk failed). */
    static ObjectNode parse(String scenario, String text) throws IOException {
        Matcher rate = RATE.matcher(text);
        Matcher total = TOTAL.matcher(text);
        if (!rate.find() || !total.find()) {
            throw new IllegalArgumentException("not a wrk report (no \"Requests/sec\" or \"requests in\" line): "
                    + text.lines().limit(3).toList());
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("generator", "wrk");
        out.put("scenario", scenario);
        Matcher running = RUNNING.matcher(text);
        if (running.find()) {
            out.put("url", running.group(2));
        }
        out.put("mode", "closed");
        out.put("latencyCorrection", "none (wrk 4 is closed-loop; latency from the actual send)");
        Matcher threads = THREADS.matcher(text);
        if (threads.find()) {
            out.put("threads", Integer.parseInt(threads.group(1)));
            out.put("concurrency", Integer.parseInt(threads.group(2)));
        }
        long requests = Long.parseLong(total.group(1));
        double seconds = millis(total.group(2), total.group(3)) / 1000;
        out.put("durationSeconds", seconds);
        out.put("requests", requests);
        out.put("throughputPerSecond", Double.parseDouble(rate.group(1)));

        long socketErrors = 0;
        Matcher se = SOCKET_ERRORS.matcher(text);
        if (se.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(se.group(g));
            }
        }
        Matcher non2xx = NON_2XX.matcher(text);
        long status = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;

        ObjectNode latency = out.putObject("latencyMillis");
        Matcher row = LATENCY_ROW.matcher(text);
        if (row.find()) {
            latency.put("mean", millis(row.group(1), row.group(2)));
            latency.put("max", millis(row.group(5), row.group(6)));
        }
        Matcher p = PERCENTILE.matcher(text);
        while (p.find()) {
            latency.put("p" + p.group(1), millis(p.group(2), p.group(3)));
        }
        Matcher report = REPORT.matcher(text);
        if (report.find()) {
            JsonNode r = JSON.readTree(report.group(1));
            JsonNode l = r.path("latencyMicros");
            for (String key : new String[] {"p50", "p90", "p99", "p999", "max", "mean"}) {
                if (l.has(key)) {
                    latency.put(key, l.path(key).asDouble() / 1000);
                }
            }
            JsonNode e = r.path("errors");
            socketErrors = e.path("connect").asLong() + e.path("read").asLong() + e.path("write").asLong()
                    + e.path("timeout").asLong();
            status = e.path("status").asLong();
            out.put("exactPercentiles", true);
        } else {
            out.put("exactPercentiles", false);
        }
        out.put("errors", socketErrors);
        out.put("non2xx", status);
        out.put("p50Millis", latency.path("p50").asDouble());
        out.put("p99Millis", latency.path("p99").asDouble());
        return out;
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            case "h" -> v * 3_600_000;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
