package dev.reservation.cli;

import dev.reservation.cli.output.Json;
import dev.reservation.cli.output.TextTable;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.ops.UsageCsv;
import dev.reservation.core.ops.UsageReports;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report --from --to [--csv]}: the usage report (ADMIN): per room, per location and in total,
 * hours booked, occupancy in opening times, no-show rate, cancellations, and the weekday x hour heat
 * map; {@code --csv} prints the same CSV as the web export. One instance per run; not thread-safe.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = {
    "Usage of the rooms over a period (admins only): hours booked, occupancy (booked / opening hours,"
        + " Mon-Fri 08:00-18:00 in each room's zone), no-show rate (auto-released / booked), cancellations,"
        + " declined and expired requests; with --csv the same numbers as the web's CSV export, heat map included."})
public final class ReportCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--from", required = true, paramLabel = "<time>", description = "start of the period (inclusive)")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "<time>", description = "end of the period (exclusive)")
    private String to;

    @Option(names = "--csv", description = "print CSV (RFC 4180) instead of a table")
    private boolean csv;

    @Option(names = "--zone", description = "zone of local --from/--to (default: this machine's)")
    private String zone;

    public ReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ZoneId times = zone == null ? context.localZone() : Room.parseZone(zone);
        Instant start = context.times().instant("--from", from, times);
        Instant end = context.times().instant("--to", to, times);
        if (!end.isAfter(start)) {
            throw new InvalidInputException("to", "--to must be after --from");
        }
        UsageReports.Report report = context.service(UsageReports.class).report(context.actor(), start, end);
        if (csv) {
            context.out().print(UsageCsv.csv(report));
            context.out().flush();
            return 0;
        }
        context.output().result(Json.object("from", start.toString(), "to", end.toString(),
                "rooms", report.rooms().stream().map(ReportCommand::json).toList(),
                "locations", report.locations().stream().map(ReportCommand::json).toList(),
                "total", json(report.total()), "heat", report.heat()), out -> {
            TextTable table = new TextTable("ROOM", "LOCATION", "HOURS", "OPEN H", "OCCUPANCY", "CONFIRMED", "NO-SHOWS",
                    "NO-SHOW RATE", "CANCELLED", "DECLINED", "EXPIRED", "PENDING");
            for (UsageReports.Line l : report.rooms()) {
                row(table, l.name(), l.location(), l);
            }
            for (UsageReports.Line l : report.locations()) {
                row(table, "(location)", l.name(), l);
            }
            row(table, "(total)", "", report.total());
            out.println("Usage " + start + " to " + end + " (UTC)");
            table.print(out, "(no rooms)");
        });
        return 0;
    }

    /** A line as JSON: every number of the CSV, by the CSV's column names in camel case. */
    private static Map<String, Object> json(UsageReports.Line l) {
        return Json.object("key", l.key(), "name", l.name(), "location", l.location(), "hoursBooked", l.bookedHours(),
                "openHours", l.openHours(), "hoursBookedInOpeningTimes", l.bookedOpenHours(), "occupancy", l.occupancy(),
                "confirmed", l.confirmed(), "autoReleased", l.autoReleased(), "noShowRate", l.noShowRate(),
                "cancelled", l.cancelled(), "declined", l.declined(), "expired", l.expired(), "pending", l.pending());
    }

    private static void row(TextTable table, String name, String location, UsageReports.Line l) {
        table.row(name, location, UsageCsv.num(l.bookedHours()), UsageCsv.num(l.openHours()), pct(l.occupancy()),
                l.confirmed(), l.autoReleased(), pct(l.noShowRate()), l.cancelled(), l.declined(), l.expired(),
                l.pending());
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }
}
