package dev.reservation.harness.report;

import dev.reservation.harness.TrialResult;
import dev.reservation.harness.checker.CheckResult;
import dev.reservation.harness.checker.TrialTiming;
import dev.reservation.harness.history.Op;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no external
 * assets) with the verdict, the run's settings and notes, the aggregate and per-trial tables, the
 * distribution of failover timings and one timeline per trial. Pure apart from writing the file.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static void write(Path file, RunInfo run, List<TrialResult> trials, List<Op> history) throws IOException {
        Files.writeString(file, render(run, trials, history), StandardCharsets.UTF_8);
    }

    public static String render(RunInfo run, List<TrialResult> trials, List<Op> history) {
        boolean valid = trials.stream().allMatch(TrialResult::valid);
        boolean complete = trials.stream().allMatch(t -> t.incomplete() == null);
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Failover report: ")
                .append(e(run.cluster() + " / " + run.fault())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:.9em}td,th{border:1px solid #ccc;padding:3px 6px;")
                .append("text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}")
                .append(".verdict{font-size:1.4em;padding:.5em 1em;display:inline-block;border-radius:4px}")
                .append(".pass{background:#dff0d8}.fail{background:#f2dede}.note{color:#555}</style></head><body>");
        h.append("<h1>Failover report</h1><p class=\"verdict ").append(valid && complete ? "pass\">PASS" : "fail\">")
                .append(valid ? (complete ? "" : "INCOMPLETE: some trials could not be checked") : "VIOLATIONS FOUND")
                .append("</p>");
        settings(h, run);
        h.append("<h2>Aggregate over ").append(trials.size()).append(" trials</h2><table><tr><th class=\"l\">metric</th>")
                .append("<th>n</th><th>not observed</th><th>min</th><th>p50</th><th>p95</th><th>max</th></tr>");
        Aggregate.of(trials).forEach((name, s) -> h.append("<tr><td class=\"l\">").append(e(name)).append("</td><td>")
                .append(s.n()).append("</td><td>").append(s.missing()).append("</td><td>").append(n(s.min()))
                .append("</td><td>").append(n(s.p50())).append("</td><td>").append(n(s.p95())).append("</td><td>")
                .append(n(s.max())).append("</td></tr>"));
        h.append("</table>");
        Map<String, List<Double>> dist = new LinkedHashMap<>();
        dist.put("election", trials.stream().map(t -> t.timing().electionMs()).toList());
        dist.put("writable again (probe)", trials.stream().map(t -> t.timing().writableAgainMs()).toList());
        dist.put("client unavailability", trials.stream().map(t -> t.timing().unavailabilityMs()).toList());
        dist.put("catch-up", trials.stream().map(t -> t.timing().catchUpMs()).toList());
        h.append("<h2>Distribution</h2>").append(DistributionPlot.render(dist));
        trialTable(h, trials);
        violations(h, trials);
        h.append("<h2>Timelines</h2><p class=\"note\">Dots: green = reservation ok, light red = conflict, red = failed, ")
                .append("purple = outcome unknown (info), light blue = read ok. Lines: red = fault, blue = heal, ")
                .append("green dashed = primary elected / writable again, cyan = member caught up.</p>");
        for (TrialResult t : trials) {
            List<Op> ops = history.stream().filter(op -> op.trial() == t.trial()).toList();
            h.append("<h3>Trial ").append(t.trial()).append("</h3>").append(TimelinePlot.render(t.trial(), ops));
        }
        return h.append("</body></html>").toString();
    }

    private static void settings(StringBuilder h, RunInfo run) {
        h.append("<table>");
        row(h, "cluster", run.cluster() + ": " + run.clusterDescription());
        row(h, "fault", run.fault() + ": " + run.faultDescription());
        row(h, "trials", run.trials() + " × " + run.duration() + " (warm-up " + run.warmup() + ", down time "
                + run.downTime() + ", time limit " + run.faultTimeout() + ")");
        row(h, "workload", run.threads() + " threads, " + run.rate() + " operations/s");
        row(h, "election settings", run.electionSettings().isEmpty() ? "server defaults" : run.electionSettings().toString());
        row(h, "client connection", run.clientUri());
        row(h, "started", run.startedAt());
        h.append("</table><h2>How to read these numbers</h2><ul>");
        run.notes().forEach(note -> h.append("<li>").append(e(note)).append("</li>"));
        h.append("</ul>");
    }

    private static void trialTable(StringBuilder h, List<TrialResult> trials) {
        h.append("<h2>Trials</h2><table><tr><th>#</th><th class=\"l\">member</th><th>election ms</th><th>source</th>")
                .append("<th>writable again ms</th><th>unavailable ms</th><th>failed</th><th>unknown</th>")
                .append("<th>catch-up ms</th><th>ok writes</th><th>conflicts</th><th>p99 latency ms</th>")
                .append("<th class=\"l\">checks</th></tr>");
        for (TrialResult t : trials) {
            TrialTiming m = t.timing();
            h.append("<tr><td>").append(t.trial()).append("</td><td class=\"l\">").append(e(s(m.member())))
                    .append("</td><td>").append(n(m.electionMs())).append("</td><td>").append(e(s(m.electionSource())))
                    .append("</td><td>").append(n(m.writableAgainMs())).append("</td><td>").append(n(m.unavailabilityMs()))
                    .append("</td><td>").append(m.failedDuring()).append("</td><td>").append(m.unknownDuring())
                    .append("</td><td>").append(n(m.catchUpMs())).append("</td><td>").append(t.ops().reserveOk())
                    .append("</td><td>").append(t.ops().reserveConflict()).append("</td><td>")
                    .append(n(t.reserveLatency().p99())).append("</td><td class=\"l\">")
                    .append(t.incomplete() != null ? "not checked: " + e(t.incomplete())
                            : t.valid() ? "passed" : "<b>VIOLATED</b>").append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void violations(StringBuilder h, List<TrialResult> trials) {
        h.append("<h2>Checks</h2><ul>");
        for (TrialResult t : trials) {
            for (CheckResult c : t.checks()) {
                h.append("<li>trial ").append(t.trial()).append(", ").append(e(c.checker())).append(": ")
                        .append(c.valid() ? "passed " : "<b>violated</b> ").append(e(c.counts().toString()));
                if (!c.valid()) {
                    h.append("<ul>");
                    c.violations().forEach(v -> h.append("<li>").append(e(v)).append("</li>"));
                    h.append("</ul>");
                }
                h.append("</li>");
            }
        }
        h.append("</ul>");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th class=\"l\">").append(e(key)).append("</th><td class=\"l\">").append(e(value)).append("</td></tr>");
    }

    private static String n(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String s(String value) {
        return value == null ? "–" : value;
    }

    private static String e(String text) {
        return Svg.escape(text);
    }
}
