package dev.reservation.web.ops;

import dev.reservation.core.ops.UsageCsv;
import dev.reservation.core.ops.UsageReports;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The usage report as CSV (the same numbers as the page, {@link UsageCsv}) and as server-side SVG charts (bars per
 * room, a weekday × hour heat map): no script, no library, nothing a strict CSP blocks. Stateless.
 */
public final class UsageExport {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private UsageExport() {
    }

    /** The CSV export: the same numbers as the page ({@link UsageCsv}). */
    public static String csv(UsageReports.Report report) {
        return UsageCsv.csv(report);
    }

    static String num(double v) {
        return UsageCsv.num(v);
    }

    /** Horizontal bars: each room's occupancy (booked hours in opening times / opening hours). */
    public static String occupancyBars(UsageReports.Report report) {
        List<UsageReports.Line> rooms = new ArrayList<>(report.rooms());
        int rowH = 26;
        int w = 640;
        int label = 170;
        int h = 30 + rowH * Math.max(1, rooms.size());
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"occupancy-chart\" role=\"img\""
                + " aria-label=\"Occupancy per room\" viewBox=\"0 0 " + w + " " + h + "\" width=\"" + w + "\" height=\"" + h
                + "\" font-family=\"system-ui, sans-serif\" font-size=\"13\">");
        for (int pct = 0; pct <= 100; pct += 25) {
            int x = label + (w - label - 60) * pct / 100;
            s.append("<line x1=\"").append(x).append("\" y1=\"18\" x2=\"").append(x).append("\" y2=\"").append(h)
                    .append("\" stroke=\"#dde2ea\"/><text x=\"").append(x).append("\" y=\"12\" text-anchor=\"middle\""
                            + " fill=\"#6b7385\">").append(pct).append("%</text>");
        }
        for (int i = 0; i < rooms.size(); i++) {
            UsageReports.Line l = rooms.get(i);
            int y = 24 + i * rowH;
            double occ = Math.min(1, l.occupancy());
            int bw = (int) Math.round((w - label - 60) * occ);
            s.append("<text x=\"").append(label - 8).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\">")
                    .append(esc(l.name())).append("</text>");
            s.append("<rect class=\"bar\" x=\"").append(label).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(bw).append("\" height=\"").append(rowH - 8).append("\" fill=\"#2f6fdb\"><title>")
                    .append(esc(l.name())).append(": ").append(pct(l.occupancy())).append(" occupied, ")
                    .append(num(l.bookedHours())).append(" h booked</title></rect>");
            s.append("<text x=\"").append(label + bw + 6).append("\" y=\"").append(y + 15).append("\">")
                    .append(pct(l.occupancy())).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** Weekday × hour heat map of booked hours (each room's local time), darker = more. */
    public static String heatMap(UsageReports.Report report) {
        double max = 0;
        for (double[] day : report.heat()) {
            for (double v : day) {
                max = Math.max(max, v);
            }
        }
        int cell = 24;
        int left = 44;
        int top = 22;
        int w = left + 24 * cell + 4;
        int h = top + 7 * cell + 4;
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"heat-map\" role=\"img\""
                + " aria-label=\"Booked hours by weekday and hour\" viewBox=\"0 0 " + w + " " + h + "\" width=\"" + w
                + "\" height=\"" + h + "\" font-family=\"system-ui, sans-serif\" font-size=\"11\">");
        for (int hr = 0; hr < 24; hr += 2) {
            s.append("<text x=\"").append(left + hr * cell + cell / 2).append("\" y=\"14\" text-anchor=\"middle\""
                    + " fill=\"#6b7385\">").append(hr).append("</text>");
        }
        for (int d = 0; d < 7; d++) {
            s.append("<text x=\"").append(left - 6).append("\" y=\"").append(top + d * cell + 16)
                    .append("\" text-anchor=\"end\">").append(DAYS[d]).append("</text>");
            for (int hr = 0; hr < 24; hr++) {
                double v = report.heat()[d][hr];
                double t = max == 0 ? 0 : v / max;
                int r = (int) Math.round(245 - t * (245 - 31));
                int g = (int) Math.round(247 - t * (247 - 79));
                int b = (int) Math.round(250 - t * (250 - 168));
                s.append("<rect x=\"").append(left + hr * cell).append("\" y=\"").append(top + d * cell)
                        .append("\" width=\"").append(cell - 2).append("\" height=\"").append(cell - 2)
                        .append("\" fill=\"").append(String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b))
                        .append("\"><title>").append(DAYS[d]).append(' ').append(hr).append(":00 ").append(num(v))
                        .append(" h</title></rect>");
            }
        }
        return s.append("</svg>").toString();
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private static String esc(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
