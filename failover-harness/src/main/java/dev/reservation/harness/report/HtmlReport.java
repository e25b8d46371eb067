package dev.reservation.harness.report;

import dev.reservation.harness.checker.TrialResult;
import dev.reservation.harness.checker.CheckResult;
import dev.reservation.harness.checker.TrialTiming;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import dev.reservation.harness.history.Pairs;
import dev.reservation.harness.history.Seen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no external
 * assets). For a run on the replication rig its first line of text is the simulation notice. Then the
 * verdict; when a checker found something, every violation and a table of the reservations involved
 * (who booked them, through which store instance, when they were acknowledged and cancelled); the
 * run's settings and notes; totals; one row per trial; every check with its counts (the same names as
 * the trials table); leftover claims; the timings, their distribution and one timeline per trial (with
 * the involved reservations marked). Pure apart from writing the file.
 */
public final class HtmlReport {
    /** At most this many reservations are listed as involved in violations. */
    static final int MAX_INVOLVED = 60;

    private HtmlReport() {
    }

    public static void write(Path file, RunInfo run, List<TrialResult> trials, List<Op> history) throws IOException {
        Files.writeString(file, render(run, trials, history), StandardCharsets.UTF_8);
    }

    public static String render(RunInfo run, List<TrialResult> trials, List<Op> history) {
        boolean valid = trials.stream().allMatch(TrialResult::valid);
        boolean complete = trials.stream().allMatch(t -> t.incomplete() == null);
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(run.simulation() != null ? "SIMULATION: " : "").append("Failover report: ")
                .append(e(run.cluster() + " / " + run.fault())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1200px;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:.85em}td,th{border:1px solid #ccc;padding:3px 6px;")
                .append("text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}")
                .append(".verdict{font-size:1.4em;padding:.5em 1em;display:inline-block;border-radius:4px}")
                .append(".pass{background:#dff0d8}.fail{background:#f2dede}.note{color:#555}")
                .append(".simulation{background:#fff3cd;border:2px solid #e0a800;padding:.6em 1em;font-weight:bold;margin-top:0}")
                .append("li{margin:.2em 0}</style></head><body>");
        if (run.simulation() != null) {
            h.append("<p class=\"simulation\">").append(e(run.simulation())).append("</p>");
        }
        h.append("<h1>Failover report</h1><p class=\"verdict ").append(valid && complete ? "pass\">PASS" : "fail\">")
                .append(valid ? (complete ? "" : "INCOMPLETE: some trials could not be checked") : "VIOLATIONS FOUND")
                .append("</p>");
        Set<String> involved = involved(trials, history);
        if (!valid) {
            violations(h, trials);
            involvedTable(h, involved, history);
        }
        settings(h, run);
        totals(h, trials);
        trialTable(h, trials);
        checks(h, trials);
        leftovers(h, trials);
        timings(h, run, trials);
        h.append("<h2>Timelines</h2><p class=\"note\">Dots (at each operation's completion, height = latency): green = "
                + "booking ok, light red = 409 conflict, red = booking failed, purple = outcome unknown (info), orange = "
                + "cancellation ok, brown = cancellation failed, light blue = read ok, grey = read failed. Lines: red = "
                + "fault, blue = heal, green dashed = primary elected / writable again, cyan = member caught up, magenta = "
                + "a booking involved in a violation was acknowledged.</p>");
        for (TrialResult t : trials) {
            List<Op> ops = history.stream().filter(op -> op.trial() == t.trial()).toList();
            h.append("<h3>Trial ").append(t.trial()).append("</h3>").append(TimelinePlot.render(t.trial(), ops, involved));
        }
        return h.append("</body></html>").toString();
    }

    /** Ids of reservations (from the history: acknowledged bookings and what reads saw) that a violation names. */
    static Set<String> involved(List<TrialResult> trials, List<Op> history) {
        List<String> texts = trials.stream().flatMap(t -> t.checks().stream()).flatMap(c -> c.violations().stream()).toList();
        Set<String> ids = new LinkedHashSet<>();
        if (texts.isEmpty()) {
            return ids;
        }
        Set<String> known = new LinkedHashSet<>();
        for (Op op : history) {
            if (op.isClient() && op.type() == OpType.OK && op.value().containsKey(HistoryTerms.ID)) {
                known.add(op.value().get(HistoryTerms.ID));
            }
            if (op.isClient() && op.is(OpType.OK, HistoryTerms.READ)) {
                Seen.decode(op.value().get(HistoryTerms.SEEN)).forEach(s -> known.add(s.id()));
            }
        }
        for (String id : known) {
            if (ids.size() >= MAX_INVOLVED) {
                break;
            }
            if (texts.stream().anyMatch(v -> v.contains(id))) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static void violations(StringBuilder h, List<TrialResult> trials) {
        h.append("<h2>Violations</h2><ol>");
        for (TrialResult t : trials) {
            for (CheckResult c : t.checks()) {
                c.violations().forEach(v -> h.append("<li>trial ").append(t.trial()).append(", <b>")
                        .append(e(c.checker())).append("</b>: ").append(e(v)).append("</li>"));
            }
        }
        h.append("</ol>");
    }

    private static void involvedTable(StringBuilder h, Set<String> ids, List<Op> history) {
        if (ids.isEmpty()) {
            return;
        }
        Map<String, List<String>> rows = new LinkedHashMap<>();
        ids.forEach(id -> rows.put(id, new ArrayList<>(List.of("", "", "", "", "", "", "", "", ""))));
        Map<String, String> keyOf = new LinkedHashMap<>();
        Map<String, Long> seenConfirmed = new LinkedHashMap<>();
        List<Pairs.Pair> pairs = Pairs.of(history);
        for (Pairs.Pair p : pairs) {
            Op done = p.completion();
            if (p.invoke().f().equals(HistoryTerms.READ) && done != null && done.type() == OpType.OK) {
                for (Seen.Entry s : Seen.decode(done.value().get(HistoryTerms.SEEN))) {
                    if (rows.containsKey(s.id())) {
                        keyOf.putIfAbsent(s.id(), s.key());
                        if (s.confirmed()) {
                            seenConfirmed.merge(s.id(), 1L, Long::sum);
                        }
                    }
                }
            }
            if (p.invoke().f().equals(HistoryTerms.RESERVE) && done != null && done.type() == OpType.OK
                    && rows.containsKey(done.value().get(HistoryTerms.ID))) {
                keyOf.put(done.value().get(HistoryTerms.ID), done.value().get(HistoryTerms.KEY));
            }
        }
        Map<String, String> idOfKey = new LinkedHashMap<>();
        keyOf.forEach((id, key) -> idOfKey.put(key, id));
        for (Pairs.Pair p : pairs) {
            Op i = p.invoke();
            Op done = p.completion();
            if (i.f().equals(HistoryTerms.RESERVE) && idOfKey.containsKey(i.value().get(HistoryTerms.KEY))) {
                List<String> r = rows.get(idOfKey.get(i.value().get(HistoryTerms.KEY)));
                r.set(0, "trial " + i.trial());
                r.set(1, i.value().getOrDefault(HistoryTerms.KEY, ""));
                r.set(2, i.value().getOrDefault(HistoryTerms.ROOM, ""));
                r.set(3, i.value().getOrDefault(HistoryTerms.START, "") + " – " + i.value().getOrDefault(HistoryTerms.END, ""));
                r.set(4, i.process() + " via " + i.value().getOrDefault(HistoryTerms.INSTANCE, "?"));
                r.set(5, seconds(i.time()));
                r.set(6, done == null ? "never completed" : p.outcome() == OpType.OK ? "ok at " + seconds(done.time())
                        + ("true".equals(done.value().get("replayed")) ? " (replayed)" : "")
                        : p.outcome().json() + " at " + seconds(done.time()) + (done.value().containsKey(HistoryTerms.REASON)
                        ? " (" + done.value().get(HistoryTerms.REASON) + ")" : ""));
            }
            if (i.f().equals(HistoryTerms.CANCEL) && rows.containsKey(i.value().get(HistoryTerms.ID))) {
                rows.get(i.value().get(HistoryTerms.ID)).set(7, "invoked " + seconds(i.time()) + ", "
                        + p.outcome().json() + (done == null ? " (never completed)" : " at " + seconds(done.time())));
            }
        }
        seenConfirmed.forEach((id, n) -> rows.get(id).set(8, Long.toString(n)));
        h.append("<h2>Reservations involved</h2><p class=\"note\">Times are seconds since the run began (the history's "
                + "clock). The booking's outcome is what its client was told: ok, conflict/failed (fail), or info "
                + "(outcome unknown).</p>")
                .append("<table><tr><th class=\"l\">reservation</th><th class=\"l\">trial</th><th class=\"l\">key</th>")
                .append("<th class=\"l\">room</th><th class=\"l\">slot</th><th class=\"l\">booked by</th><th>invoked</th>")
                .append("<th class=\"l\">booking's outcome</th><th class=\"l\">cancellation</th><th>reads showing it CONFIRMED</th></tr>");
        rows.forEach((id, r) -> {
            h.append("<tr><td class=\"l\">").append(e(id)).append("</td>");
            for (int i = 0; i < r.size(); i++) {
                h.append(i == 5 || i == 8 ? "<td>" : "<td class=\"l\">").append(e(r.get(i))).append("</td>");
            }
            h.append("</tr>");
        });
        h.append("</table>");
    }

    private static void settings(StringBuilder h, RunInfo run) {
        h.append("<h2>Run</h2><table>");
        row(h, "cluster", run.cluster() + ": " + run.clusterDescription());
        row(h, "fault", run.fault() + ": " + run.faultDescription());
        row(h, "trials", run.trials() + " × " + run.duration() + " (warm-up " + run.warmup() + ", down time "
                + run.downTime() + ", time limit " + run.faultTimeout() + ")");
        row(h, "workload", run.threads() + " threads, " + run.rate() + " operations/s; " + run.workload());
        row(h, "store", run.storeSettings());
        row(h, "election settings", run.electionSettings().isEmpty() ? "server defaults" : run.electionSettings().toString());
        row(h, "client connection", run.clientUri());
        row(h, "started", run.startedAt());
        h.append("</table><h2>How to read these numbers</h2><ul>");
        run.notes().forEach(note -> h.append("<li>").append(e(note)).append("</li>"));
        h.append("</ul>");
    }

    private static void totals(StringBuilder h, List<TrialResult> trials) {
        h.append("<h2>Totals over ").append(trials.size()).append(" trials</h2><table>");
        Totals.of(trials).forEach((k, v) -> row(h, k, k.equals("overlapFraction")
                ? Totals.percent(((Number) v).doubleValue()) : String.valueOf(v)));
        h.append("</table>");
    }

    private static void trialTable(StringBuilder h, List<TrialResult> trials) {
        h.append("<h2>Trials</h2><p class=\"note\">Bookings are counted once each by outcome: ok, 409 conflict "
                + "(someone else holds an overlapping slot: nothing booked, a definite answer, not a failure), failed "
                + "(certainly not booked for another reason), unknown. The same counts appear under the "
                + "no-lost-writes check below.</p><table><tr><th>#</th><th>faults</th><th>ok</th><th>409 conflict</th>")
                .append("<th>failed</th><th>unknown</th><th>cancel ok</th><th>cancel failed</th><th>cancel unknown</th>")
                .append("<th>reads ok</th><th>reads failed</th><th>overlapping attempts</th><th>leftover claims</th>")
                .append("<th>p99 booking ms</th><th class=\"l\">checks</th></tr>");
        for (TrialResult t : trials) {
            TrialResult.OpCounts o = t.ops();
            h.append("<tr><td>").append(t.trial()).append("</td><td>").append(t.faults()).append("</td><td>")
                    .append(o.reserveOk()).append("</td><td>").append(o.reserveConflict()).append("</td><td>")
                    .append(o.reserveFail()).append("</td><td>").append(o.reserveUnknown()).append("</td><td>")
                    .append(o.cancelOk()).append("</td><td>").append(o.cancelFail()).append("</td><td>")
                    .append(o.cancelUnknown()).append("</td><td>").append(o.readOk()).append("</td><td>")
                    .append(o.readFail()).append("</td><td>").append(Totals.percent(t.contention().fraction()))
                    .append(" of ").append(t.contention().attempts()).append("</td><td>")
                    .append(t.leftovers().read() ? Long.toString(t.leftovers().count()) : "–").append("</td><td>")
                    .append(n(t.reserveLatency().p99())).append("</td><td class=\"l\">")
                    .append(t.incomplete() != null ? (t.valid() ? "" : "<b>VIOLATED</b>; ") + "final state not checked: "
                            + e(t.incomplete()) : t.valid() ? "passed" : "<b>VIOLATED</b>").append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void checks(StringBuilder h, List<TrialResult> trials) {
        h.append("<h2>Checks</h2><ul>");
        for (TrialResult t : trials) {
            for (CheckResult c : t.checks()) {
                h.append("<li>trial ").append(t.trial()).append(", ").append(e(c.checker())).append(": ")
                        .append(c.valid() ? "passed" : "<b>violated (" + c.violations().size() + ")</b>").append(" — ");
                List<String> parts = new ArrayList<>();
                c.counts().forEach((k, v) -> parts.add(k + " " + v));
                h.append(e(String.join(", ", parts))).append("</li>");
            }
        }
        h.append("</ul>");
    }

    private static void leftovers(StringBuilder h, List<TrialResult> trials) {
        if (trials.stream().noneMatch(t -> t.leftovers().read())) {
            return;
        }
        h.append("<h2>Leftover claims (allowed, informational)</h2><p class=\"note\">Claims in the final state whose "
                + "reservation is CANCELLED, ABANDONED or has no document. The store releases a cancelled reservation's "
                + "claims best-effort and the next booking that meets a leftover removes it, so they are not "
                + "violations.</p><ul>");
        for (TrialResult t : trials) {
            if (t.leftovers().read()) {
                h.append("<li>trial ").append(t.trial()).append(": ").append(t.leftovers().count());
                if (!t.leftovers().examples().isEmpty()) {
                    h.append(" — e.g. ").append(e(String.join("; ", t.leftovers().examples())));
                }
                h.append("</li>");
            }
        }
        h.append("</ul>");
    }

    private static void timings(StringBuilder h, RunInfo run, List<TrialResult> trials) {
        h.append("<h2>Timings").append(run.simulation() != null ? " (of the simulation, not MongoDB's)" : "")
                .append("</h2><table><tr><th>#</th><th class=\"l\">member</th><th>election ms</th><th>source</th>")
                .append("<th>writable again ms</th><th>unavailable ms</th><th>failed in that window</th>")
                .append("<th>unknown in that window</th><th>catch-up ms</th></tr>");
        for (TrialResult t : trials) {
            TrialTiming m = t.timing();
            h.append("<tr><td>").append(t.trial()).append("</td><td class=\"l\">").append(e(s(m.member())))
                    .append("</td><td>").append(n(m.electionMs())).append("</td><td>").append(e(s(m.electionSource())))
                    .append("</td><td>").append(n(m.writableAgainMs())).append("</td><td>").append(n(m.unavailabilityMs()))
                    .append("</td><td>").append(m.failedDuring()).append("</td><td>").append(m.unknownDuring())
                    .append("</td><td>").append(n(m.catchUpMs())).append("</td></tr>");
        }
        h.append("</table><h3>Aggregate over ").append(trials.size()).append(" trials</h3><table><tr><th class=\"l\">metric</th>")
                .append("<th>n</th><th>not observed</th><th>min</th><th>p50</th><th>p95</th><th>max</th></tr>");
        Aggregate.of(trials).forEach((name, st) -> h.append("<tr><td class=\"l\">").append(e(name)).append("</td><td>")
                .append(st.n()).append("</td><td>").append(st.missing()).append("</td><td>").append(n(st.min()))
                .append("</td><td>").append(n(st.p50())).append("</td><td>").append(n(st.p95())).append("</td><td>")
                .append(n(st.max())).append("</td></tr>"));
        h.append("</table>");
        Map<String, List<Double>> dist = new LinkedHashMap<>();
        dist.put("election", trials.stream().map(t -> t.timing().electionMs()).toList());
        dist.put("writable again (probe)", trials.stream().map(t -> t.timing().writableAgainMs()).toList());
        dist.put("client unavailability", trials.stream().map(t -> t.timing().unavailabilityMs()).toList());
        dist.put("catch-up", trials.stream().map(t -> t.timing().catchUpMs()).toList());
        h.append("<h3>Distribution</h3>").append(DistributionPlot.render(dist));
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th class=\"l\">").append(e(key)).append("</th><td class=\"l\">").append(e(value)).append("</td></tr>");
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    private static String n(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String s(String value) {
        return value == null ? "–" : value;
    }

    private static String e(String text) {
        return Svg.escape(text == null ? "" : text);
    }
}
