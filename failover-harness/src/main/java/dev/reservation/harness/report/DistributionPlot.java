package dev.reservation.harness.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The spread of a few timings over all trials: one row per metric, one dot per trial, a bar at the
 * median, all on one axis in seconds. Pure; thread-safe.
 */
final class DistributionPlot {
    private static final int WIDTH = 900, LEFT = 170, RIGHT = 30, ROW = 34, TOP = 20, BOTTOM = 36;

    private DistributionPlot() {
    }

    /** @param metrics label → per-trial values in milliseconds ({@code null} = not observed) */
    static String render(Map<String, List<Double>> metrics) {
        int height = TOP + BOTTOM + ROW * Math.max(1, metrics.size());
        Svg svg = new Svg(WIDTH, height, "distribution of failover timings over trials");
        double maxMs = metrics.values().stream().flatMap(List::stream).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(1000);
        double maxS = Math.max(1, Math.ceil(maxMs / 1000));
        double plotW = WIDTH - LEFT - RIGHT;
        double step = maxS > 60 ? 10 : maxS > 20 ? 5 : maxS > 8 ? 2 : maxS > 3 ? 1 : 0.5;
        double axisY = TOP + ROW * metrics.size();
        for (double s = 0; s <= maxS + 1e-9; s += step) {
            double px = LEFT + plotW * s / maxS;
            svg.line(px, TOP, px, axisY, "#eee", "").text(px, axisY + 14, "middle",
                    String.format(Locale.ROOT, step < 1 ? "%.1f s" : "%.0f s", s));
        }
        int row = 0;
        for (Map.Entry<String, List<Double>> metric : metrics.entrySet()) {
            double cy = TOP + ROW * row + ROW / 2.0;
            Stats stats = Stats.of(metric.getValue());
            svg.text(LEFT - 8, cy + 4, "end", metric.getKey() + " (n=" + stats.n() + ")");
            svg.line(LEFT, cy, LEFT + plotW, cy, "#ddd", "");
            int i = 0;
            for (Double ms : metric.getValue()) {
                i++;
                if (ms != null) {
                    svg.circle(LEFT + plotW * (ms / 1000) / maxS, cy, 4, "rgba(31,119,180,0.6)",
                            String.format(Locale.ROOT, "trial %d: %.1f ms", i, ms));
                }
            }
            if (stats.p50() != null) {
                double px = LEFT + plotW * (stats.p50() / 1000) / maxS;
                svg.line(px, cy - 10, px, cy + 10, "#d62728", "stroke-width=\"2\"");
            }
            row++;
        }
        svg.text(LEFT + plotW / 2, height - 6, "middle", "one dot per trial; red bar: median");
        return svg.end();
    }
}
