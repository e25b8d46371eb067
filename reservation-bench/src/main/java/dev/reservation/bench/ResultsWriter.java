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
        Path run = Path.of(args[0]);
        Path root = Path.of(args[1]);
        ResultsWriter writer = new ResultsWriter(run);
        writer.collect();
        String table = writer.table();
        String machine = Files.readString(run.resolve("machine.txt")).strip();
        String results = "# Benchmark results\n\nWritten by `bin/benchmark` from the files in `" + root.relativize(run)
                + "`; nothing here is typed by hand.\n\n## Machine\n```\n" + machine + "\n```\n\n## Figures\n"
                + table + "\n" + notes(run);
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
                "ops/s", "≥ 500,000/s");
        row("Booking throughput, 2 threads, different rooms", jmhScore(jmh,
                "BookingThroughputBenchmark.twoThreadsDifferentRooms", null), "ops/s", "—");
        for (String n : List.of("100", "10000", "1000000")) {
            row("Conflicting attempt, room holds " + n, jmhScore(jmh, "ConflictCheckBenchmark.checkOnly", n),
                    "ns/op", n.equals("1000000") ? "≤ 2× the 100 figure" : "—");
        }
        for (String n : List.of("100", "1000000")) {
            row("Conflicting attempt with suggestions, room holds " + n,
                    jmhScore(jmh, "ConflictCheckBenchmark.withSuggestions", n), "ns/op", "—");
        }
        row("Free-room search, 1,000 rooms / 10^6 reservations, p50",
                jmhPercentile(jmh, "FreeRoomSearchBenchmark.search", "50.0"), "µs", "≤ 1,000 µs");
        row("Free-room search, p99", jmhPercentile(jmh, "FreeRoomSearchBenchmark.search", "99.0"), "µs", "—");
        String memory = readText("memory.txt");
        row("Heap per stored reservation at 10^6", memory == null ? null : memory.split("\\s+")[1], "bytes", "≤ 400");
        JsonNode mongo = read("jmh-mongo.json");
        row("Mongo store (in-process wire server): booking", jmhScore(mongo, "MongoStoreBenchmark.book", null),
                "ops/s", "reference");
        row("Mongo store (in-process wire server): list a room's day", jmhScore(mongo,
                "MongoStoreBenchmark.listRoomDay", null), "ops/s", "reference");
        http("http-api-rooms.json", "GET /api/v1/rooms", "≥ 5,000/s, p99 ≤ 50 ms");
        http("http-html-rooms.json", "GET /rooms (HTML)", "≥ 5,000/s, p99 ≤ 50 ms");
        http("http-book-distinct.json", "POST /api/v1/reservations, distinct slots", "≥ 1,500/s, p99 ≤ 50 ms");
        JsonNode contention = read("http-contention.json");
        if (contention != null) {
            http("http-contention.json", "Contention: 64 clients, same slots", "every answer 201/409, one winner per slot");
            row("Contention: slots with exactly one winner / contended / with several winners",
                    contention.path("slotsWithOneWinner").asText() + " / " + contention.path("slotsContended").asText()
                            + " / " + contention.path("slotsWithSeveralWinners").asText(), "slots", "all / — / 0");
            row("Contention: statuses", contention.path("statuses").toString(), "", "only 201 and 409");
        }
        String rss = readText("server-rss-kb.txt");
        row("Web server resident memory after the load", rss == null ? null
                : String.format(Locale.ROOT, "%.0f", Long.parseLong(rss.strip()) / 1024.0), "MiB", "—");
    }

    private void http(String file, String label, String target) throws IOException {
        JsonNode n = read(file);
        if (n == null) {
            row(label, null, "", target);
            return;
        }
        row(label + " (concurrency " + n.path("concurrency").asInt() + ")", String.format(Locale.ROOT,
                "%.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d", n.path("throughputPerSecond").asDouble(),
                n.path("p50Millis").asDouble(), n.path("p99Millis").asDouble(), n.path("errors").asLong()), "", target);
    }

    private void row(String what, String value, String unit, String target) {
        rows.add(new String[] {what, value == null ? "not measured" : value, unit, target});
    }

    private String table() {
        StringBuilder b = new StringBuilder("| measurement | result | unit | target |\n|---|---|---|---|\n");
        for (String[] r : rows) {
            b.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return b.toString();
    }

    private static String notes(Path run) throws IOException {
        Path notes = run.resolve("notes.md");
        return Files.exists(notes) ? "\n## Notes\n" + Files.readString(notes) : "";
    }

    private JsonNode read(String name) throws IOException {
        Path p = run.resolve(name);
        return Files.exists(p) ? JSON.readTree(p.toFile()) : null;
    }

    private String readText(String name) throws IOException {
        Path p = run.resolve(name);
        return Files.exists(p) ? Files.readString(p).strip() : null;
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
