package dev.reservation.harness.report;

import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import dev.reservation.harness.history.Pairs;
import java.util.List;
import java.util.Locale;

/**
 * One trial as a picture: every client operation as a dot at its completion time, its latency on a
 * log scale, coloured by outcome; vertical markers for the fault, the heal, elections (by source) and
 * catch-up. Pure; thread-safe.
 */
final class TimelinePlot {
    static final int WIDTH = 900;
    static final int HEIGHT = 300;
    private static final int LEFT = 60, RIGHT = 20, TOP = 48, BOTTOM = 40;

    private TimelinePlot() {
    }

    static String render(int trial, List<Op> ops) {
        return render(trial, ops, java.util.Set.of());
    }

    /** @param involved reservation ids named by a violation: their acknowledgements are marked */
    static String render(int trial, List<Op> ops, java.util.Set<String> involved) {
        Svg svg = new Svg(WIDTH, HEIGHT, "trial " + trial + " timeline");
        if (ops.isEmpty()) {
            return svg.text(WIDTH / 2.0, HEIGHT / 2.0, "middle", "no operations").end();
        }
        long t0 = ops.get(0).time();
        long t1 = Math.max(t0 + 1, ops.get(ops.size() - 1).time());
        List<Pairs.Pair> pairs = Pairs.of(ops);
        double maxLatency = pairs.stream().mapToDouble(p -> p.latencyNanos() / 1e6).max().orElse(1);
        double high = Math.pow(10, Math.max(3, Math.ceil(Math.log10(Math.max(maxLatency, 1)))));
        double low = 0.1;
        double plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
        java.util.function.LongToDoubleFunction x = t -> LEFT + plotW * (t - t0) / (double) (t1 - t0);
        java.util.function.DoubleUnaryOperator y = ms -> TOP + plotH
                * (1 - (Math.log10(Math.max(ms, low)) - Math.log10(low)) / (Math.log10(high) - Math.log10(low)));
        svg.rect(LEFT, TOP, plotW, plotH, "#fafafa", "stroke=\"#ccc\"");
        for (double tick = low; tick <= high; tick *= 10) {
            svg.line(LEFT, y.applyAsDouble(tick), LEFT + plotW, y.applyAsDouble(tick), "#e4e4e4", "")
                    .text(LEFT - 6, y.applyAsDouble(tick) + 4, "end", label(tick));
        }
        double seconds = (t1 - t0) / 1e9;
        double step = seconds > 60 ? 10 : seconds > 20 ? 5 : seconds > 8 ? 2 : 1;
        for (double s = 0; s <= seconds; s += step) {
            double px = LEFT + plotW * s / seconds;
            svg.line(px, TOP + plotH, px, TOP + plotH + 4, "#888", "")
                    .text(px, TOP + plotH + 16, "middle", String.format(Locale.ROOT, "%.0f s", s));
        }
        svg.text(LEFT + plotW / 2, HEIGHT - 6, "middle", "time since trial start; latency (ms, log scale) per operation");
        for (Pairs.Pair p : pairs) {
            Op end = p.completion() == null ? p.invoke() : p.completion();
            double latency = p.completion() == null ? high : p.latencyNanos() / 1e6;
            svg.circle(x.applyAsDouble(end.time()), y.applyAsDouble(latency), 2.2, colour(p),
                    p.invoke().f() + " " + p.outcome().json() + String.format(Locale.ROOT, " %.1f ms", latency)
                            + (end.error() == null ? "" : ": " + end.error()));
        }
        int markers = 0;
        for (Op op : ops) {
            if (op.isClient() && op.is(OpType.OK, HistoryTerms.RESERVE) && involved.contains(op.value().get(HistoryTerms.ID))) {
                double px = x.applyAsDouble(op.time());
                String id = op.value().get(HistoryTerms.ID);
                svg.line(px, TOP, px, TOP + plotH, "#e377c2", "stroke-width=\"1.5\"")
                        .text(px + 3, TOP + 12 + (markers++ % 3) * 12, "start", "ok " + id.substring(0, Math.min(8, id.length())));
            }
        }
        for (Op op : ops) {
            java.util.Optional<String[]> m = marker(op);
            if (m.isPresent()) {
                double px = x.applyAsDouble(op.time());
                svg.line(px, TOP, px, TOP + plotH, m.get()[0], "stroke-width=\"1.5\" stroke-dasharray=\"" + m.get()[2] + "\"")
                        .text(px + 3, TOP - 4 - (markers++ % 3) * 12, "start", m.get()[1]);
            }
        }
        return svg.end();
    }

    private static java.util.Optional<String[]> marker(Op op) {
        if (op.process().equals("nemesis") && op.type() == OpType.INVOKE) {
            boolean fault = HistoryTerms.PHASE_FAULT.equals(op.value().get(HistoryTerms.PHASE));
            return java.util.Optional.of(new String[] {fault ? "#d62728" : "#1f77b4", op.f(), ""});
        }
        if (op.is(OpType.EVENT, HistoryTerms.WRITABLE_AGAIN)) {
            return java.util.Optional.of(new String[] {"#2ca02c", "writable again", "5,3"});
        }
        if (op.is(OpType.EVENT, HistoryTerms.PRIMARY_ELECTED)) {
            String source = op.value().get(HistoryTerms.SOURCE);
            return java.util.Optional.of(new String[] {"#2ca02c",
                    HistoryTerms.SOURCE_POLL.equals(source) ? "writable again" : "elected (" + source + ")", "5,3"});
        }
        if (op.is(OpType.EVENT, HistoryTerms.MEMBER_CAUGHT_UP)) {
            return java.util.Optional.of(new String[] {"#17becf", "caught up", "2,2"});
        }
        if (op.is(OpType.EVENT, HistoryTerms.TIMEOUT)) {
            return java.util.Optional.of(new String[] {"#000", "timeout", "1,3"});
        }
        return java.util.Optional.empty();
    }

    static String colour(Pairs.Pair p) {
        boolean read = p.invoke().f().equals(HistoryTerms.READ);
        if (p.invoke().f().equals(HistoryTerms.CANCEL)) {
            return switch (p.outcome()) {
                case OK -> "#ff7f0e";
                case FAIL -> "#8c564b";
                default -> "#9467bd";
            };
        }
        if (read && p.outcome() == OpType.FAIL) {
            return "#aaaaaa";
        }
        return switch (p.outcome()) {
            case OK -> read ? "#9ecae1" : "#2ca02c";
            case FAIL -> HistoryTerms.REASON_CONFLICT.equals(p.completion().value().get(HistoryTerms.REASON)) ? "#ff9896" : "#d62728";
            default -> "#9467bd";
        };
    }

    private static String label(double ms) {
        return ms < 1 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }
}
