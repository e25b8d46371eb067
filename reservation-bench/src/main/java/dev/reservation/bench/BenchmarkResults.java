package dev.reservation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Computes the figures, the targets' verdicts and the run's caveats from one run's raw files
 * (the JMH JSON, the memory probe, {@link HttpLoad}'s and {@link WrkOutput}'s JSON, {@code
 * run.json}, {@code machine.txt}, and the hooks' files). Pure: it reads the directory and returns
 * a {@link Report}; writing it anywhere is {@link ResultsWriter}'s job. A file that is absent gives
 * "not measured", never a filled-in figure. The verdict rules are {@link Verdict}'s.
 */
final class BenchmarkResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A goal of the issue and what the run says about it. */
    record Target(String what, String measured, String target, String verdict) {
    }

    /** A table of figures. */
    record Table(String title, List<String> header, List<List<String>> rows, List<String> notes) {
    }

    /** Everything the run's raw files say. */
    record Report(String machine, List<String> runNotes, List<Target> targets, List<Table> tables) {
    }

    private final Path raw;
    private final JsonNode run;
    private final boolean quick;
    private final List<String> runNotes = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();

    private BenchmarkResults(Path raw) {
        this.raw = raw;
        JsonNode r = read("run.json");
        this.run = r == null ? JSON.createObjectNode() : r;
        this.quick = run.path("quick").asBoolean(false);
    }

    static Report compute(Path raw) {
        BenchmarkResults b = new BenchmarkResults(raw);
        b.notes();
        b.core();
        b.http();
        b.scale();
        b.peer();
        String machine = b.text("machine.txt");
        return new Report(machine == null ? "not recorded" : machine, List.copyOf(b.runNotes), List.copyOf(b.targets),
                List.copyOf(b.tables));
    }

    // ------------------------------------------------------------------ run-wide caveats

    private void notes() {
        if (quick) {
            runNotes.add("This was a `--quick` run: short windows and 1 JMH fork. Its verdicts are all"
                    + " \"indicative\"; only a full run can say \"met\".");
        }
        String wrk = run.path("wrk").asText("");
        if (wrk.startsWith("missing")) {
            runNotes.add("wrk was not installed, so the wrk rows are \"not measured\" (`apt-get install wrk`, or"
                    + " `bin/benchmark --install`).");
        }
        String load = text("loadavg.txt");
        if (load != null) {
            runNotes.add("Load average of the machine (1, 5, 15 min) at the start and the end of the run: "
                    + String.join("; ", load.lines().toList()) + ". Other processes competing for the 2 cores"
                    + " widen every interval.");
        }
        String carried = text("carried-over.txt");
        if (carried != null) {
            runNotes.add("Carried over from an earlier run, not measured in this one: " + carried.replace('\n', ' '));
        }
    }

    // ------------------------------------------------------------------ JMH and the heap probe

    private void core() {
        JsonNode jmh = read("jmh-core.json");
        JsonNode mongo = read("jmh-mongo.json");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode set : Stream.of(jmh, mongo).filter(j -> j != null).toList()) {
            for (JsonNode b : set) {
                JsonNode m = b.path("primaryMetric");
                String param = paramText(b);
                rows.add(List.of(shortName(b) + (param.isEmpty() ? "" : " (" + param + ")"),
                        Verdict.num(m.path("score").asDouble()) + " ± " + errorText(m.path("scoreError")),
                        m.path("scoreUnit").asText(), String.valueOf(b.path("forks").asInt()),
                        forkSpreadText(b)));
            }
        }
        tables.add(new Table("Core and store (JMH)", List.of("benchmark", "score ± 99.9 % error", "unit", "forks",
                "fork-to-fork spread"), rows, List.of("The error is JMH's 99.9 % confidence half-width. The spread is"
                + " (largest fork mean − smallest) / largest; over 15 % means the forks disagree.")));

        JsonNode booking = find(jmh, "BookingThroughputBenchmark.oneThread", null);
        targets.add(new Target("Booking throughput, 1 thread (in-memory core)", jmhMeasured(booking, "ops/s"),
                "≥ 500,000/s", booking == null ? "not measured"
                : Verdict.atLeast(jmhInterval(booking), 500_000, jmhConclusive(booking), jmhWhy(booking))));

        JsonNode small = find(jmh, "ConflictCheckBenchmark.checkOnly", "100");
        JsonNode large = find(jmh, "ConflictCheckBenchmark.checkOnly", "1000000");
        if (small != null && large != null) {
            Verdict.Interval ratio = jmhInterval(large).over(jmhInterval(small));
            targets.add(new Target("Conflicting attempt, room holds 10^6 vs 10^2", ratioText(ratio) + " ("
                    + jmhMeasured(large, "ns") + " vs " + jmhMeasured(small, "ns") + ")", "≤ 2×",
                    Verdict.atMost(ratio, 2, jmhConclusive(large) && jmhConclusive(small), jmhWhy(large))));
        } else {
            targets.add(new Target("Conflicting attempt, room holds 10^6 vs 10^2", "not measured", "≤ 2×",
                    "not measured"));
        }

        JsonNode search = find(jmh, "FreeRoomSearchBenchmark.search", null);
        Verdict.Interval p50 = search == null ? null : jmhPercentile(search, 0.50);
        targets.add(new Target("Free-room search, 1,000 rooms / 10^6 reservations, p50",
                p50 == null ? "not measured" : Verdict.num(p50.score()) + " µs (99.9 % bounds "
                        + Verdict.num(p50.low()) + "–" + Verdict.num(p50.high()) + ")", "≤ 1,000 µs",
                p50 == null ? "not measured" : Verdict.atMost(p50, 1_000, jmhConclusive(search), jmhWhy(search))));

        List<Double> heap = new ArrayList<>();
        String memory = text("memory.txt");
        if (memory != null) {
            for (String line : memory.lines().toList()) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length >= 2) {
                    heap.add(Double.parseDouble(parts[1]));
                }
            }
        }
        if (heap.isEmpty()) {
            targets.add(new Target("Heap per stored reservation at 10^6", "not measured", "≤ 400 bytes",
                    "not measured"));
        } else {
            double min = heap.stream().mapToDouble(d -> d).min().orElseThrow();
            double max = heap.stream().mapToDouble(d -> d).max().orElseThrow();
            double mean = heap.stream().mapToDouble(d -> d).average().orElseThrow();
            targets.add(new Target("Heap per stored reservation at 10^6", Verdict.num(mean) + " bytes ("
                    + heap.size() + " run(s), " + Verdict.num(min) + "–" + Verdict.num(max) + ")", "≤ 400 bytes",
                    Verdict.atMost(new Verdict.Interval(min, mean, max), 400, !quick && heap.size() >= 3,
                            quick ? "quick run" : heap.size() < 3 ? "fewer than 3 runs" : "")));
        }
        List<String> slow = new ArrayList<>();
        int checked = 0;
        for (JsonNode set : Stream.of(jmh, mongo).filter(j -> j != null).toList()) {
            for (JsonNode b : set) {
                double spread = forkSpread(b);
                if (!Double.isNaN(spread)) {
                    checked++;
                    if (spread > 0.15) {
                        slow.add(shortName(b) + " " + paramText(b));
                    }
                }
            }
        }
        targets.add(new Target("JMH forks agree within 15 %", checked == 0 ? "not measured (fewer than 2 forks)"
                : (checked - slow.size()) + " of " + checked + " benchmarks", "all",
                checked == 0 ? "not measured" : slow.isEmpty() ? "met" : "missed: " + String.join(", ", slow).strip()));
    }

    /** A JMH benchmark's parameter values, e.g. "1000000" or "durable", joined by ", " ("" without any). */
    static String paramText(JsonNode benchmark) {
        List<String> values = new ArrayList<>();
        benchmark.path("params").elements().forEachRemaining(v -> values.add(v.asText()));
        return String.join(", ", values);
    }

    // ------------------------------------------------------------------ HTTP

    /**
     * The server's ceiling for one generator: the higher of its two /health/live measurements
     * (start and end of the HTTP runs). Dividing by the lower one would flatter every ratio
     * whenever the server was still cold at the start; the start/end target reports the gap.
     */
    private JsonNode ceiling(String generatorPrefix) {
        JsonNode start = read(generatorPrefix + "ceiling.json");
        JsonNode end = read(generatorPrefix + "ceiling-end.json");
        if (start == null || end == null) {
            return start == null ? end : start;
        }
        return end.path("throughputPerSecond").asDouble() > start.path("throughputPerSecond").asDouble() ? end : start;
    }

    private void http() {
        JsonNode ceiling = ceiling("http-");
        JsonNode wrkCeiling = ceiling("wrk-");
        List<List<String>> rows = new ArrayList<>();
        String[][] scenarios = {
                {"ceiling", "GET /health/live (the server's ceiling)"},
                {"api-rooms", "GET /api/v1/rooms (Basic auth)"},
                {"html-rooms", "GET /rooms (HTML, signed in)"},
                {"day-page", "GET a room's day page (HTML, signed in), empty store"},
                {"book-distinct", "POST /api/v1/reservations, distinct slots, closed loop (max)"},
                {"book-open-loop", "POST /api/v1/reservations, distinct slots, open loop at 0.8 × max"},
                {"contention", "POST /api/v1/reservations, 16 racing for each slot"},
                {"ceiling-end", "GET /health/live again at the end (repeatability)"}};
        for (String[] s : scenarios) {
            httpRow(rows, s[1], read("http-" + s[0] + ".json"), ceiling);
            JsonNode wrk = read("wrk-" + s[0] + ".json");
            if (wrk != null || List.of("ceiling", "api-rooms", "day-page").contains(s[0])) {
                httpRow(rows, s[1], wrk, wrkCeiling, "wrk");
            }
        }
        tables.add(new Table("HTTP on the embedded default (loopback, load from separate processes)", HTTP_HEADER,
                rows, List.of("× ceiling: the scenario's throughput over `/health/live`'s, same generator, same run,"
                        + " the higher of its start and end measurements (the interval is the widest the two"
                        + " intervals allow).",
                        "Open loop: latency from each request's intended send time (schedule-based correction for"
                                + " coordinated omission); closed loop and wrk: from the actual send.",
                        "wrk 4 (closed loop) runs right after HttpLoad's warm-up and measurement of the same scenario,"
                                + " on the same server.")));
        tables.add(warmupTable());

        JsonNode api = read("http-api-rooms.json");
        targets.add(ratioTarget("GET /api/v1/rooms vs the ceiling (HttpLoad)", api, ceiling, 0.5));
        JsonNode wrkApi = read("wrk-api-rooms.json");
        if (wrkApi != null || wrkCeiling != null) {
            targets.add(ratioTarget("GET /api/v1/rooms vs the ceiling (wrk)", wrkApi, wrkCeiling, 0.5));
        }

        JsonNode open = read("http-book-open-loop.json");
        JsonNode max = read("http-book-distinct.json");
        String at = open == null ? "" : " (open loop at " + Verdict.num(open.path("targetRatePerSecond").asDouble())
                + "/s" + (max == null ? "" : " = 0.8 × the closed-loop max " + Verdict.num(
                max.path("throughputPerSecond").asDouble()) + "/s") + ")";
        targets.add(rateTarget("Bookings, distinct slots: achieved rate" + at, open, 1_000, "≥ 1,000/s"));
        targets.add(p99Target("Bookings, distinct slots: corrected p99" + at, open, 50));

        JsonNode contention = read("http-contention.json");
        if (contention == null) {
            targets.add(new Target("Contention: one winner per slot, only 201/409", "not measured", "all / 0",
                    "not measured"));
        } else {
            long one = contention.path("slotsWithOneWinner").asLong();
            long contended = contention.path("slotsContended").asLong();
            long several = contention.path("slotsWithSeveralWinners").asLong();
            List<String> statuses = new ArrayList<>();
            contention.path("statuses").fieldNames().forEachRemaining(statuses::add);
            boolean onlyExpected = statuses.stream().allMatch(st -> st.equals("201") || st.equals("409"));
            targets.add(new Target("Contention: slots with one winner / contended / several winners; statuses",
                    one + " / " + contended + " / " + several + "; " + contention.path("statuses"),
                    "all / — / 0; only 201 and 409", (quick ? "indicative (quick run): would be " : "")
                    + (one == contended && several == 0 && onlyExpected && contention.path("errors").asLong() == 0
                    ? "met" : "MISSED")));
        }
        JsonNode start = read("http-ceiling.json");
        JsonNode end = read("http-ceiling-end.json");
        if (start != null && end != null) {
            double a = start.path("throughputPerSecond").asDouble();
            double b = end.path("throughputPerSecond").asDouble();
            double diff = Math.abs(a - b) / Math.max(a, b);
            targets.add(new Target("Ceiling at the start vs the end of the HTTP runs", Verdict.num(a) + " vs "
                    + Verdict.num(b) + " req/s (" + pct(diff) + " apart)", "within 15 %",
                    diff <= 0.15 ? (quick ? "indicative: would be met" : "met")
                            : (quick ? "indicative: would be " : "") + "missed: " + pct(diff) + " apart"));
        }
        String rss = text("server-rss-kb.txt");
        if (rss != null) {
            runNotes.add(String.format(Locale.ROOT, "The web server's resident memory after the load: %.0f MiB.",
                    Long.parseLong(rss.strip()) / 1024.0));
        }
    }

    static final List<String> HTTP_HEADER = List.of("scenario", "generator", "mode", "req/s ± 99.9 %", "× ceiling",
            "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors / non-2xx", "requests");

    private void httpRow(List<List<String>> rows, String label, JsonNode n, JsonNode ceiling) {
        httpRow(rows, label, n, ceiling, "HttpLoad");
    }

    private void httpRow(List<List<String>> rows, String label, JsonNode n, JsonNode ceiling, String generator) {
        if (n == null) {
            rows.add(List.of(label, generator, "", "not measured", "", "", "", "", "", "", ""));
            return;
        }
        JsonNode l = latency(n);
        String mode = n.path("mode").asText("closed");
        if (n.has("targetRatePerSecond")) {
            mode += " @ " + Verdict.num(n.path("targetRatePerSecond").asDouble()) + "/s";
        }
        mode += ", c=" + n.path("concurrency").asInt();
        String vsCeiling = ceiling == null ? "not measured" : n.equals(ceiling) ? "1 (itself)"
                : ratioText(rate(n).over(rate(ceiling)));
        rows.add(List.of(label, n.path("generator").asText("HttpLoad"), mode, rateText(n), vsCeiling,
                ms(l.path("p50")), ms(l.path("p99")), ms(l.path("p999")), ms(l.path("max")),
                n.path("errors").asLong() + " / " + n.path("non2xx").asLong(), String.valueOf(n.path("requests")
                        .asLong())));
    }

    /** The latency percentiles; from the flat keys of files written before latencyMillis existed. */
    private static JsonNode latency(JsonNode n) {
        if (n.has("latencyMillis")) {
            return n.path("latencyMillis");
        }
        com.fasterxml.jackson.databind.node.ObjectNode l = JSON.createObjectNode();
        for (String[] k : new String[][] {{"p50Millis", "p50"}, {"p99Millis", "p99"}, {"maxMillis", "max"}}) {
            if (n.has(k[0])) {
                l.set(k[1], n.get(k[0]));
            }
        }
        return l;
    }

    private Table warmupTable() {
        List<List<String>> rows = new ArrayList<>();
        for (Path p : list("http-")) {
            JsonNode n = readPath(p);
            if (n == null || !n.has("warmup")) {
                continue;
            }
            rows.add(warmupRow(p, n));
        }
        for (Path p : list("peer-")) {
            JsonNode n = readPath(p);
            if (n != null && n.has("warmup")) {
                rows.add(warmupRow(p, n));
            }
        }
        return new Table("HTTP warm-up (HttpLoad)", List.of("file", "rounds", "converged", "round throughputs (req/s)",
                "criterion"), rows, List.of("Each scenario warms up in rounds until two consecutive rounds agree;"
                + " a scenario whose warm-up did not converge gets no better verdict than \"indicative\"."));
    }

    private static List<String> warmupRow(Path p, JsonNode n) {
        JsonNode w = n.path("warmup");
        List<String> rates = new ArrayList<>();
        w.path("ratesPerSecond").forEach(r -> rates.add(Verdict.num(r.asDouble())));
        return List.of(p.getFileName().toString(), String.valueOf(w.path("rounds").asInt()),
                w.path("converged").asBoolean() ? "yes" : "NO", String.join(", ", rates),
                w.path("criterion").asText());
    }

    // ------------------------------------------------------------------ scale: pre-filled store, embedded scale

    private void scale() {
        JsonNode empty = read("http-day-page.json");
        JsonNode full = read("http-day-page-50k.json");
        String hint = full == null ? " (needs a data dir holding 50,000 reservations: `bin/benchmark --data-dir D`)" : "";
        Target ratio = ratioTarget("Day page, 50,000 reservations stored vs an empty store (HttpLoad)", full, empty,
                0.67);
        targets.add(new Target(ratio.what(), ratio.measured() + hint, ratio.target(), ratio.verdict()));
        Target rate = rateTarget("Day page, 50,000 reservations stored (HttpLoad)", full, 2_000, "≥ 2,000/s");
        targets.add(new Target(rate.what(), rate.measured() + hint, rate.target(), rate.verdict()));
        JsonNode wrkFull = read("wrk-day-page-50k.json");
        if (wrkFull != null) {
            targets.add(ratioTarget("Day page, 50,000 stored vs empty (wrk)", wrkFull, read("wrk-day-page.json"),
                    0.67));
        }
        List<List<String>> rows = new ArrayList<>();
        if (full != null || read("http-ceiling-50k.json") != null) {
            httpRow(rows, "GET /health/live, pre-filled store", read("http-ceiling-50k.json"),
                    read("http-ceiling-50k.json"));
            httpRow(rows, "GET the day page, pre-filled store", full, read("http-ceiling-50k.json"));
            httpRow(rows, "GET the day page, pre-filled store", wrkFull, read("wrk-ceiling-50k.json"), "wrk");
            String info = text("data-dir.txt");
            tables.add(new Table("HTTP on a pre-filled store", HTTP_HEADER, rows, info == null ? List.of()
                    : List.of(info.replace('\n', ' '))));
        }

        JsonNode scale = read("embedded-scale.json");
        EmbeddedScale s = EmbeddedScale.of(scale);
        String missing = scale == null ? "not measured (no embedded-scale.json)"
                : "not measured (embedded-scale.json holds no such figure)";
        String missingBookings = scale == null ? missing : s.empty() == null && s.million() == null
                ? "not measured (embedded-scale.json holds no booking figure at 0 or 10^6 stored)"
                : s.million() == null ? "not measured (embedded-scale.json holds no booking figure at 10^6 stored: "
                + "a --quick run fills 10^4 and 10^5 only)"
                : "not measured (embedded-scale.json holds no booking figure for an empty store)";
        if (s.empty() != null && s.million() != null) {
            Verdict.Interval r = s.million().over(s.empty());
            targets.add(new Target("Bookings with 10^6 stored vs empty (embedded store)", ratioText(r) + " ("
                    + Verdict.num(s.million().score()) + " vs " + Verdict.num(s.empty().score()) + " " + s.unit() + ")",
                    "≥ 0.67×", Verdict.atLeast(r, 0.67, s.conclusive() && !quick, s.why(quick))));
        } else {
            targets.add(new Target("Bookings with 10^6 stored vs empty (embedded store)", missingBookings, "≥ 0.67×",
                    "not measured"));
        }
        if (s.disk() != null) {
            targets.add(new Target("Disk per stored reservation (embedded store)", Verdict.num(s.disk().score())
                    + " bytes" + (s.disk().hasWidth() ? " (" + Verdict.num(Math.max(0, s.disk().low())) + "–"
                    + Verdict.num(s.disk().high()) + ")" : ""), "≤ 2 KB (2,048 bytes)",
                    Verdict.atMost(s.disk(), 2_048, s.conclusive() && !quick, s.why(quick))));
        } else {
            targets.add(new Target("Disk per stored reservation (embedded store)", missing, "≤ 2 KB (2,048 bytes)",
                    "not measured"));
        }
        String memory = "Resident memory of the embedded store with 10^5 stored";
        if (s.rssMiB() != null) {
            Verdict.Interval m = s.rssMiB();
            String jvm = scale.path("runs").path(0).path("serverJvmArgs").asText("");
            String after = Verdict.num(m.score()) + " MiB after the operations" + (m.hasWidth() ? " ("
                    + Verdict.num(m.low()) + "–" + Verdict.num(m.high()) + ")" : "")
                    + (jvm.isBlank() ? ", server JVM with its own heap sizing" : ", server JVM " + jvm);
            // a ceiling is about the worst case: the verdict takes the highest peak any fork reached
            // where the file has it (older files: the mean's interval)
            Verdict.Interval judged = s.rssPeakMiB() == null ? m : Verdict.Interval.exact(s.rssPeakMiB());
            int rssForks = scale.path("rssKbAt1e5").path("forks").asInt(s.forks());
            String value = s.rssPeakMiB() == null ? after : "highest peak of " + rssForks + " fork(s) "
                    + Verdict.num(s.rssPeakMiB()) + " MiB; " + after;
            targets.add(new Target(memory, value, "≤ 512 MiB",
                    Verdict.atMost(judged, 512, rssForks >= 3 && !quick, EmbeddedScale.why(rssForks, quick))));
        } else {
            targets.add(new Target(memory, missing, "≤ 512 MiB", "not measured"));
        }
    }

    /**
     * What {@code embedded-scale.json} (written by the embedded-scale benchmark, not by this
     * project's bin/benchmark) says. Two shapes are understood:
     * <ul>
     *   <li>an object {@code {"bookingsEmpty": {"score", "error", "unit", "forks"}, "bookingsAt1e6":
     *       {...}, "diskBytesPerReservation": {"score", "error"}, "rssKbAt1e5": {..., "highestPeak"}}} (any member may be
     *       absent);</li>
     *   <li>JMH's JSON: an array of benchmarks; the booking ones are those whose name contains
     *       "book" and that have a parameter with the value 0 (empty) or 1000000; disk per
     *       reservation is a secondary metric whose name contains "disk".</li>
     * </ul>
     */
    record EmbeddedScale(Verdict.Interval empty, Verdict.Interval million, Verdict.Interval disk,
                         Verdict.Interval rssMiB, Double rssPeakMiB, String unit, int forks) {
        static EmbeddedScale of(JsonNode n) {
            if (n == null) {
                return new EmbeddedScale(null, null, null, null, null, "", 0);
            }
            if (n.isObject()) {
                Verdict.Interval rssKb = interval(n.get("rssKbAt1e5"));
                return new EmbeddedScale(interval(n.get("bookingsEmpty")), interval(n.get("bookingsAt1e6")),
                        interval(n.get("diskBytesPerReservation")),
                        rssKb == null ? null : rssKb.times(1.0 / 1024),
                        n.path("rssKbAt1e5").has("highestPeak") ? n.path("rssKbAt1e5").path("highestPeak").asDouble() / 1024
                                : null,
                        n.path("bookingsEmpty").path("unit").asText("ops/s"),
                        Math.min(n.path("bookingsEmpty").path("forks").asInt(0),
                                n.path("bookingsAt1e6").path("forks").asInt(0)));
            }
            Verdict.Interval empty = null;
            Verdict.Interval million = null;
            Verdict.Interval disk = null;
            String unit = "";
            int forks = Integer.MAX_VALUE;
            for (JsonNode b : n) {
                String name = b.path("benchmark").asText().toLowerCase(Locale.ROOT);
                JsonNode m = b.path("primaryMetric");
                boolean isEmpty = false;
                boolean isMillion = false;
                for (Iterator<JsonNode> it = b.path("params").elements(); it.hasNext(); ) {
                    String v = it.next().asText();
                    isEmpty |= v.equals("0");
                    isMillion |= v.equals("1000000");
                }
                if (name.contains("book") && (isEmpty || isMillion)) {
                    Verdict.Interval i = Verdict.Interval.of(m.path("score").asDouble(), m.path("scoreError").asDouble());
                    if (isEmpty) {
                        empty = i;
                    } else {
                        million = i;
                    }
                    unit = m.path("scoreUnit").asText();
                    forks = Math.min(forks, b.path("forks").asInt());
                }
                for (Map.Entry<String, JsonNode> e : b.path("secondaryMetrics").properties()) {
                    if (e.getKey().toLowerCase(Locale.ROOT).contains("disk")) {
                        disk = Verdict.Interval.of(e.getValue().path("score").asDouble(),
                                e.getValue().path("scoreError").asDouble());
                    }
                }
            }
            return new EmbeddedScale(empty, million, disk, null, null, unit, forks == Integer.MAX_VALUE ? 0 : forks);
        }

        private static Verdict.Interval interval(JsonNode n) {
            return n == null || !n.has("score") ? null
                    : Verdict.Interval.of(n.path("score").asDouble(), n.path("error").asDouble(Double.NaN));
        }

        boolean conclusive() {
            return forks >= 3;
        }

        String why(boolean quick) {
            return why(forks, quick);
        }

        static String why(int forks, boolean quick) {
            return quick ? "quick run" : forks < 3 ? forks + " fork(s)" : "";
        }
    }

    // ------------------------------------------------------------------ peer

    private void peer() {
        List<Path> files = list("peer-");
        if (files.isEmpty()) {
            return;
        }
        JsonNode peerCeiling = read("peer-ceiling.json");
        JsonNode peerWrkCeiling = read("wrk-peer-ceiling.json");
        List<List<String>> rows = new ArrayList<>();
        String ours = "this system";
        JsonNode ourCeiling = ceiling("http-");
        JsonNode ourWrkCeiling = ceiling("wrk-");
        httpRow(rows, ours + ": GET /health/live", ourCeiling, ourCeiling);
        httpRow(rows, ours + ": GET /api/v1/rooms", read("http-api-rooms.json"), ourCeiling);
        httpRow(rows, ours + ": GET a room's day page", read("http-day-page.json"), ourCeiling);
        for (JsonNode n : java.util.Arrays.asList(ourWrkCeiling, read("wrk-api-rooms.json"), read("wrk-day-page.json"))) {
            if (n != null) {
                httpRow(rows, ours + ": GET " + pathOf(n), n, ourWrkCeiling, "wrk");
            }
        }
        for (Path p : files) {
            JsonNode n = readPath(p);
            httpRow(rows, "peer: GET " + pathOf(n), n, peerCeiling);
            JsonNode wrk = read("wrk-" + p.getFileName());
            if (wrk != null) {
                httpRow(rows, "peer: GET " + pathOf(wrk), wrk, peerWrkCeiling);
            }
        }
        String url = run.path("peer").asText("");
        tables.add(new Table("Comparison with a peer" + (url.isEmpty() ? "" : " at " + url), HTTP_HEADER, rows,
                List.of("Each system's × ceiling is relative to its own ceiling path, measured in the same run by the"
                        + " same generator; the peer's ceiling path is " + run.path("peerCeilingPath").asText("?")
                        + ". Both ran on this machine's loopback unless the peer URL says otherwise.")));
    }

    private static String pathOf(JsonNode n) {
        String url = n.path("url").asText("");
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return slash < 0 ? url : url.substring(slash);
    }

    // ------------------------------------------------------------------ target helpers

    private Target ratioTarget(String what, JsonNode a, JsonNode b, double min) {
        String target = "≥ " + java.math.BigDecimal.valueOf(min).stripTrailingZeros().toPlainString() + "×";
        if (a == null || b == null) {
            return new Target(what, "not measured", target, "not measured");
        }
        Verdict.Interval r = rate(a).over(rate(b));
        String invalid = invalid(a) + invalid(b);
        String measured = ratioText(r) + " (" + rateText(a) + " vs " + rateText(b) + ")";
        if (!invalid.isEmpty()) {
            return new Target(what, measured, target, "invalid: " + invalid.strip());
        }
        return new Target(what, measured, target, Verdict.atLeast(r, min, httpConclusive(a) && httpConclusive(b),
                httpWhy(a, b)));
    }

    private Target rateTarget(String what, JsonNode n, double min, String target) {
        if (n == null) {
            return new Target(what, "not measured", target, "not measured");
        }
        String invalid = invalid(n);
        if (!invalid.isEmpty()) {
            return new Target(what, rateText(n), target, "invalid: " + invalid.strip());
        }
        return new Target(what, rateText(n), target, Verdict.atLeast(rate(n), min, httpConclusive(n), httpWhy(n)));
    }

    private Target p99Target(String what, JsonNode n, double maxMillis) {
        String target = "≤ " + java.math.BigDecimal.valueOf(maxMillis).stripTrailingZeros().toPlainString() + " ms";
        if (n == null) {
            return new Target(what, "not measured", target, "not measured");
        }
        JsonNode l = n.path("latencyMillis");
        Verdict.Interval p99 = new Verdict.Interval(l.path("p99Low").asDouble(l.path("p99").asDouble()),
                l.path("p99").asDouble(), l.path("p99High").asDouble(l.path("p99").asDouble()));
        String measured = ms(l.path("p99")) + " ms (99.9 % bounds " + Verdict.num(p99.low()) + "–"
                + Verdict.num(p99.high()) + ")";
        String invalid = invalid(n);
        if (!invalid.isEmpty()) {
            return new Target(what, measured, target, "invalid: " + invalid.strip());
        }
        return new Target(what, measured, target, Verdict.atMost(p99, maxMillis, httpConclusive(n), httpWhy(n)));
    }

    /** Errors or unexpected statuses make a throughput meaningless; say so instead of judging it. */
    private static String invalid(JsonNode n) {
        long errors = n.path("errors").asLong();
        long non2xx = n.path("non2xx").asLong();
        long notSent = n.path("notSent").asLong();
        String s = "";
        if (errors > 0) {
            s += errors + " transport errors ";
        }
        if (non2xx > 0) {
            s += non2xx + " non-2xx answers ";
        }
        if (notSent > 0) {
            s += notSent + " scheduled requests never sent ";
        }
        return s;
    }

    private boolean httpConclusive(JsonNode... ns) {
        if (quick) {
            return false;
        }
        for (JsonNode n : ns) {
            if (n.has("warmup") && !n.path("warmup").path("converged").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    private String httpWhy(JsonNode... ns) {
        if (quick) {
            return "quick run";
        }
        for (JsonNode n : ns) {
            if (n.has("warmup") && !n.path("warmup").path("converged").asBoolean()) {
                return "warm-up of " + n.path("scenario").asText() + " did not converge";
            }
        }
        return "";
    }

    /** A throughput with its interval; never below 0, however wide the interval. */
    static Verdict.Interval rate(JsonNode n) {
        Verdict.Interval i = Verdict.Interval.of(n.path("throughputPerSecond").asDouble(),
                n.path("throughputError").asDouble(Double.NaN));
        return new Verdict.Interval(Math.max(0, i.low()), i.score(), i.high());
    }

    private static String rateText(JsonNode n) {
        double error = n.path("throughputError").asDouble(Double.NaN);
        return Verdict.num(n.path("throughputPerSecond").asDouble()) + (Double.isNaN(error) ? "" : " ± "
                + Verdict.num(error)) + " req/s";
    }

    private static String ratioText(Verdict.Interval r) {
        return String.format(Locale.ROOT, "%.2f× (%.2f–%s)", r.score(), r.low(),
                Double.isInfinite(r.high()) ? "∞" : String.format(Locale.ROOT, "%.2f", r.high()));
    }

    private static String ms(JsonNode v) {
        return v.isMissingNode() || v.isNull() ? "" : Verdict.num(v.asDouble());
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    // ------------------------------------------------------------------ JMH helpers

    private boolean jmhConclusive(JsonNode b) {
        return !quick && b.path("forks").asInt() >= 3;
    }

    private String jmhWhy(JsonNode b) {
        int forks = b.path("forks").asInt();
        return quick ? "quick run, " + forks + " fork(s)" : forks < 3 ? forks + " fork(s), fewer than 3" : "";
    }

    private static Verdict.Interval jmhInterval(JsonNode b) {
        JsonNode m = b.path("primaryMetric");
        return Verdict.Interval.of(m.path("score").asDouble(), m.path("scoreError").asDouble(Double.NaN));
    }

    private static String jmhMeasured(JsonNode b, String unit) {
        if (b == null) {
            return "not measured";
        }
        JsonNode m = b.path("primaryMetric");
        return Verdict.num(m.path("score").asDouble()) + " ± " + errorText(m.path("scoreError")) + " " + unit + ", "
                + b.path("forks").asInt() + " fork(s)";
    }

    private static String errorText(JsonNode error) {
        double e = error.asDouble(Double.NaN);
        return Double.isNaN(e) ? "? (too few iterations)" : Verdict.num(e);
    }

    /**
     * The q-quantile of a sample-mode benchmark with distribution-free 99.9 % bounds, from all of
     * its samples (JMH's rawDataHistogram: per fork, per iteration, [value, count] pairs).
     */
    static Verdict.Interval jmhPercentile(JsonNode b, double q) {
        TreeMap<Double, Long> counts = new TreeMap<>();
        for (JsonNode fork : b.path("primaryMetric").path("rawDataHistogram")) {
            for (JsonNode iteration : fork) {
                for (JsonNode pair : iteration) {
                    counts.merge(pair.get(0).asDouble(), pair.get(1).asLong(), Long::sum);
                }
            }
        }
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            double v = b.path("primaryMetric").path("scorePercentiles").path(String.valueOf(q * 100)).asDouble(Double.NaN);
            return Verdict.Interval.exact(v);
        }
        double[] bounds = Stats.quantileBounds(q, n);
        return new Verdict.Interval(valueAtRank(counts, bounds[0], n), valueAtRank(counts, q, n),
                valueAtRank(counts, bounds[1], n));
    }

    private static double valueAtRank(TreeMap<Double, Long> counts, double q, long n) {
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (Map.Entry<Double, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return counts.lastKey();
    }

    /** (largest fork mean − smallest) / largest, from JMH's per-fork raw data; NaN with one fork. */
    static double forkSpread(JsonNode b) {
        JsonNode rawData = b.path("primaryMetric").path("rawData");
        List<Double> means = new ArrayList<>();
        for (JsonNode fork : rawData) {
            double sum = 0;
            int n = 0;
            for (JsonNode v : fork) {
                sum += v.asDouble();
                n++;
            }
            if (n > 0) {
                means.add(sum / n);
            }
        }
        if (means.size() < 2) {
            JsonNode hist = b.path("primaryMetric").path("rawDataHistogram");
            if (hist.size() >= 2) {
                for (JsonNode fork : hist) {
                    double sum = 0;
                    long n = 0;
                    for (JsonNode iteration : fork) {
                        for (JsonNode pair : iteration) {
                            sum += pair.get(0).asDouble() * pair.get(1).asLong();
                            n += pair.get(1).asLong();
                        }
                    }
                    means.add(n == 0 ? 0 : sum / n);
                }
            }
        }
        if (means.size() < 2) {
            return Double.NaN;
        }
        double max = means.stream().mapToDouble(d -> d).max().orElseThrow();
        double min = means.stream().mapToDouble(d -> d).min().orElseThrow();
        return max <= 0 ? Double.NaN : (max - min) / max;
    }

    private static String forkSpreadText(JsonNode b) {
        double s = forkSpread(b);
        return Double.isNaN(s) ? "— (1 fork)" : pct(s) + (s > 0.15 ? " (forks disagree)" : "");
    }

    private static String shortName(JsonNode b) {
        String name = b.path("benchmark").asText();
        int dot = name.lastIndexOf('.');
        int previous = dot < 0 ? -1 : name.lastIndexOf('.', dot - 1);
        return name.substring(previous + 1);
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

    // ------------------------------------------------------------------ files

    private JsonNode read(String name) {
        return readPath(raw.resolve(name));
    }

    private static JsonNode readPath(Path p) {
        try {
            return Files.exists(p) ? JSON.readTree(p.toFile()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable raw file " + p, e);
        }
    }

    private String text(String name) {
        Path p = raw.resolve(name);
        try {
            return Files.exists(p) ? Files.readString(p).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> list(String prefix) {
        try (Stream<Path> s = Files.list(raw)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
