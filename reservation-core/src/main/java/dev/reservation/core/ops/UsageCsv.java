package dev.reservation.core.ops;

import java.util.List;
import java.util.Locale;

/**
 * A usage report as CSV (RFC 4180, CRLF): one header line, a line per room, per location and the
 * total ({@code kind} = room | location | total), then a blank line and the non-zero heat-map cells
 * ({@code kind} = heat, weekday, hour in each room's zone, booked hours). The web export and the
 * CLI's {@code report --csv} print exactly this. Stateless.
 */
public final class UsageCsv {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private UsageCsv() {
    }

    public static String csv(UsageReports.Report report) {
        StringBuilder out = new StringBuilder();
        out.append("kind,key,name,location,hours_booked,open_hours,hours_booked_in_opening_times,occupancy,"
                + "confirmed,auto_released,no_show_rate,cancelled,declined,expired,pending\r\n");
        for (UsageReports.Line l : report.rooms()) {
            line(out, "room", l);
        }
        for (UsageReports.Line l : report.locations()) {
            line(out, "location", l);
        }
        line(out, "total", report.total());
        out.append("\r\nkind,weekday,hour,hours_booked\r\n");
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                if (report.heat()[d][h] > 0) {
                    out.append("heat,").append(DAYS[d]).append(',').append(h).append(',')
                            .append(num(report.heat()[d][h])).append("\r\n");
                }
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String kind, UsageReports.Line l) {
        out.append(String.join(",", List.of(kind, cell(l.key()), cell(l.name()), cell(l.location()), num(l.bookedHours()),
                num(l.openHours()), num(l.bookedOpenHours()), num(l.occupancy()), String.valueOf(l.confirmed()),
                String.valueOf(l.autoReleased()), num(l.noShowRate()), String.valueOf(l.cancelled()),
                String.valueOf(l.declined()), String.valueOf(l.expired()), String.valueOf(l.pending())))).append("\r\n");
    }

    /** At most 4 decimals, no trailing zeros: 1, 0.5, 0.0167. */
    public static String num(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it. */
    static String cell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.matches("(?s).*[,\"\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
