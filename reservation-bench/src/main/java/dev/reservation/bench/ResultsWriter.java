package dev.reservation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns one benchmark run's raw outputs (JMH JSON, the memory probe, the load generator's JSON,
 * the machine description) into {@code benchmarks/results.md} and the table in the README between
 * {@code <!-- bench:start -->} and {@code <!-- bench:end -->}. Every figure comes from those files;
 * a missing measurement is written as "not measured", never filled in.
 *
 * <p>Usage: {@code ResultsWriter <runDir> <repoRoot>}.
 */
public final class ResultsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path run;
    private final List<String[]> rows = new ArrayList<>();

    private ResultsWriter(Path run) {
        this.run = run;
    }

    public static void main(String[] args) throws IOException {
        Path run = Path.of(args[0]).toAbsolutePath().normalize();
        Path root = Path.of(args[1]).toAbsolutePath().normalize();
        ResultsWriter writer = new ResultsWriter(run);
        writer.collect();
        String table = writer.table();
        String machine = Files.readString(run.resolve("machine.txt")).strip();
        String results = "# Benchmark results\n\nWritten by `bin/benchmark` from the files in `" + root.relativize(run)
                + "`; nothing here is typed by hand.\n\n## Machine\n```\n" + machine + "\n```\n\n## Figures\n"
                + table + "\n" + notes(root);
        Path out = root.resolve("benchmarks/results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, results);
        Path readme = root.resolve("README.md");
        String text = Files.readString(readme);
        int from = text.indexOf("<!-- bench:start -->");
        int to = text.indexOf("<!-- bench:end -->");
        if (from >= 0 && to > from) {
            Files.writeString(readme, text.substring(0, from) + "<!-- bench:start -->\n" + table
                    + "\nMachine: " + machine.lines().findFirst().orElse("") + " — full results in "
                    + "[benchmarks/results.md](benchmarks/results.md).\n" + text.substring(to));
        }
        System.out.println(table);
    }

    private void collect() throws IOException {
        JsonNode jmh = read("jmh-core.json");
        row("Booking throughput, 1 thread (in-memory)", jmhScore(jmh, "BookingThroughputBenchmark.oneThread", null),
                "ops/s", "≥ 500,000/s", jmhValue(jmh, "BookingThroughputBenchmark.oneThread", null)
                        .map(v -> verdict(v, 500_000, true)).orElse(""));
        row("Booking throughput, 2 threads, different rooms", jmhScore(jmh,
                "BookingThroughputBenchmark.twoThreadsDifferentRooms", null), "ops/s", "—");
        for (String n : List.of("100", "10000", "1000000")) {
            String verdict = "";
            if (n.equals("1000000")) {
                var small = jmhValue(jmh, "ConflictCheckBenchmark.checkOnly", "100");
                var large = jmhValue(jmh, "ConflictCheckBenchmark.checkOnly", n);
                if (small.isPresent() && large.isPresent()) {
                    verdict = String.format(Locale.ROOT, "%.1f× the 100 figure: ", large.get() / small.get())
                            + verdict(large.get() / small.get(), 2, false);
                }
            }
            row("Conflicting attempt, room holds " + n, jmhScore(jmh, "ConflictCheckBenchmark.checkOnly", n),
                    "ns/op", n.equals("1000000") ? "≤ 2× the 100 figure" : "—", verdict);
        }
        for (String n : List.of("100", "1000000")) {
            row("Conflicting attempt with suggestions, room holds " + n,
                    jmhScore(jmh, "ConflictCheckBenchmark.withSuggestions", n), "ns/op", "—");
        }
        String p50 = jmhPercentile(jmh, "FreeRoomSearchBenchmark.search", "50.0");
        row("Free-room search, 1,000 rooms / 10^6 reservations, p50", p50, "µs", "≤ 1,000 µs",
                p50 == null ? "" : verdict(Double.parseDouble(p50.replace(",", "")), 1_000, false));
        row("Free-room search, p99", jmhPercentile(jmh, "FreeRoomSearchBenchmark.search", "99.0"), "µs", "—");
        String memory = readText("memory.txt");
        String perReservation = memory == null ? null : memory.split("\\s+")[1];
        row("Heap per stored reservation at 10^6", perReservation, "bytes", "≤ 400",
                perReservation == null ? "" : verdict(Double.parseDouble(perReservation), 400, false));
        JsonNode mongo = read("jmh-mongo.json");
        row("Mongo store (in-process wire server): booking", jmhScore(mongo, "MongoStoreBenchmark.book", null),
                "ops/s", "reference");
        row("Mongo store (in-process wire server): list a room's day", jmhScore(mongo,
                "MongoStoreBenchmark.listRoomDay", null), "ops/s", "reference");
        http("http-api-rooms.json", "GET /api/v1/rooms", "≥ 5,000/s, p99 ≤ 50 ms", 5_000);
        http("http-html-rooms.json", "GET /rooms (HTML)", "≥ 5,000/s, p99 ≤ 50 ms", 5_000);
        http("http-book-distinct.json", "POST /api/v1/reservations, distinct slots", "≥ 1,500/s, p99 ≤ 50 ms", 1_500);
        JsonNode contention = read("http-contention.json");
        if (contention != null) {
            http("http-contention.json", "Contention: 64 clients, same slots", "every answer 201/409, one winner per slot", 0);
            long one = contention.path("slotsWithOneWinner").asLong();
            long contended = contention.path("slotsContended").asLong();
            long several = contention.path("slotsWithSeveralWinners").asLong();
            row("Contention: slots with exactly one winner / contended / with several winners",
                    one + " / " + contended + " / " + several, "slots", "all / — / 0",
                    one == contended && several == 0 ? "met" : "MISSED");
            var statuses = new java.util.ArrayList<String>();
            contention.path("statuses").fieldNames().forEachRemaining(statuses::add);
            row("Contention: statuses", contention.path("statuses").toString(), "", "only 201 and 409",
                    statuses.stream().allMatch(st -> st.equals("201") || st.equals("409")) ? "met" : "MISSED");
        }
        String rss = readText("server-rss-kb.txt");
        row("Web server resident memory after the load", rss == null ? null
                : String.format(Locale.ROOT, "%.0f", Long.parseLong(rss.strip()) / 1024.0), "MiB", "—");
    }

    private void http(String file, String label, String target, double targetPerSecond) throws IOException {
        JsonNode n = read(file);
        if (n == null) {
            row(label, null, "", target);
            return;
        }
        double rate = n.path("throughputPerSecond").asDouble();
        double p99 = n.path("p99Millis").asDouble();
        String verdict = targetPerSecond <= 0 ? "" : "throughput " + verdict(rate, targetPerSecond, true)
                + "; p99 " + verdict(p99, 50, false);
        row(label + " (concurrency " + n.path("concurrency").asInt() + ")", String.format(Locale.ROOT,
                "%.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d", rate, n.path("p50Millis").asDouble(), p99,
                n.path("errors").asLong()), "", target, verdict);
    }

    private void row(String what, String value, String unit, String target) {
        row(what, value, unit, target, "");
    }

    private void row(String what, String value, String unit, String target, String verdict) {
        rows.add(new String[] {what, value == null ? "not measured" : value, unit, target, verdict});
    }

    /** "met", or "missed: X of the target" — computed from the figures, never typed. */
    static String verdict(double measured, double target, boolean higherIsBetter) {
        boolean met = higherIsBetter ? measured >= target : measured <= target;
        if (met) {
            return "met";
        }
        double factor = higherIsBetter ? target / measured : measured / target;
        return String.format(Locale.ROOT, "missed: %.1f× %s the target", factor, higherIsBetter ? "below" : "above");
    }

    private String table() {
        StringBuilder b = new StringBuilder("| measurement | result | unit | target | verdict |\n|---|---|---|---|---|\n");
        for (String[] r : rows) {
            b.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return b.toString();
    }

    /** The reviewed explanation of the figures (causes, not numbers), kept beside the results. */
    private static String notes(Path root) throws IOException {
        Path notes = root.resolve("benchmarks/analysis.md");
        return Files.exists(notes) ? "\n" + Files.readString(notes) : "";
    }

    private JsonNode read(String name) throws IOException {
        Path p = run.resolve(name);
        return Files.exists(p) ? JSON.readTree(p.toFile()) : null;
    }

    private String readText(String name) throws IOException {
        Path p = run.resolve(name);
        return Files.exists(p) ? Files.readString(p).strip() : null;
    }

    private static java.util.Optional<Double> jmhValue(JsonNode jmh, String benchmark, String param) {
        JsonNode b = find(jmh, benchmark, param);
        return b == null ? java.util.Optional.empty()
                : java.util.Optional.of(b.path("primaryMetric").path("score").asDouble());
    }

    private static String jmhScore(JsonNode jmh, String benchmark, String param) {
        JsonNode b = find(jmh, benchmark, param);
        if (b == null) {
            return null;
        }
        JsonNode m = b.path("primaryMetric");
        return String.format(Locale.ROOT, "%,.0f ± %,.0f", m.path("score").asDouble(), m.path("scoreError").asDouble());
    }

    private static String jmhPercentile(JsonNode jmh, String benchmark, String percentile) {
        JsonNode b = find(jmh, benchmark, null);
        return b == null ? null : String.format(Locale.ROOT, "%,.1f",
                b.path("primaryMetric").path("scorePercentiles").path(percentile).asDouble());
    }

    private static JsonNode find(JsonNode jmh, String benchmark, String param) {
        if (jmh == null) {
            return null;
        }
        for (JsonNode b : jmh) {
            if (b.path("benchmark").asText().endsWith(benchmark)
                    && (param == null || param.equals(b.path("params").path("existing").asText()))) {
                return b;
            }
        }
        return null;
    }
}
