package dev.reservation.cli;

import dev.reservation.cli.output.Json;
import dev.reservation.core.domain.Room;
import dev.reservation.core.series.Occurrence;
import dev.reservation.core.series.Series;
import dev.reservation.core.series.SeriesService;
import dev.reservation.core.series.SeriesView;
import dev.reservation.core.time.TimeText;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code series show | cancel}: a recurring reservation and its days, as its owner or an ADMIN sees
 * it; cancel the whole series, one day ({@code --day}), or a day and all following
 * ({@code --day --following}). Booking one is {@code reserve --repeat/--every}. One instance per run.
 */
@Command(name = "series", mixinStandardHelpOptions = true,
        description = "Show and cancel recurring reservations (book one with 'reserve --every' or 'reserve --repeat').")
public final class SeriesCommand {
    private final CliContext context;

    public SeriesCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a series: its rule, state and every day booked, skipped or still to come.")
    int show(@Parameters(paramLabel = "<id>", description = "the series id") String id) {
        print(context, context.service(SeriesService.class).get(context.actor(), id), "");
        return 0;
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = {
        "Cancel a whole series, or with --day one occurrence (with --following: it and all after it)."})
    int cancel(@Parameters(paramLabel = "<id>", description = "the series id") String id,
               @Option(names = "--day", paramLabel = "<yyyy-mm-dd>", description = "only this day's occurrence")
               String day,
               @Option(names = "--following", description = "with --day: that day and every later one") boolean following) {
        SeriesService series = context.service(SeriesService.class);
        SeriesView view;
        if (day == null) {
            if (following) {
                throw new dev.reservation.core.domain.InvalidInputException("--following", "--following needs --day");
            }
            view = series.cancel(context.actor(), id);
        } else {
            LocalDate d;
            try {
                d = LocalDate.parse(day.strip());
            } catch (DateTimeParseException e) {
                throw new dev.reservation.core.domain.InvalidInputException("--day", "--day must be a date like"
                        + " 2027-03-01; '" + day + "' is not one");
            }
            view = following ? series.cancelFollowing(context.actor(), id, d) : series.cancelOccurrence(context.actor(), id, d);
        }
        print(context, view, "Cancelled. ");
        return 0;
    }

    /** The series as text (times in the room's zone, to the minute) or as one JSON document. */
    static void print(CliContext context, SeriesView view, String prefix) {
        Series s = view.series();
        Optional<Room> room = context.lookups().roomById(s.roomId());
        context.output().result(Json.object("series", json(view)), out -> {
            out.println(prefix + "Series " + s.id() + ": " + s.state() + ", '" + s.title() + "' in "
                    + room.map(Room::name).orElse(s.roomId()) + ", " + s.rule() + ", from " + s.firstDay() + " at "
                    + s.startTime() + " for " + s.durationMinutes() + " min (" + s.zone().getId() + ")");
            lines(out, view);
        });
    }

    private static void lines(PrintWriter out, SeriesView view) {
        for (Occurrence o : view.occurrences()) {
            out.println("  " + o.day() + "  " + o.slot().map(slot -> TimeText.slotWithoutZone(slot, view.series().zone()))
                    .orElse("(no such local time)") + "  " + o.kind() + o.status().map(st -> " " + st).orElse("")
                    + o.reservationId().map(r -> "  " + r).orElse("") + o.note().map(n -> "  (" + n + ")").orElse(""));
        }
    }

    static Map<String, Object> json(SeriesView view) {
        Series s = view.series();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("roomId", s.roomId());
        out.put("userId", s.userId());
        out.put("title", s.title());
        out.put("zone", s.zone().getId());
        out.put("firstDay", s.firstDay().toString());
        out.put("startTime", s.startTime().toString());
        out.put("durationMinutes", s.durationMinutes());
        out.put("repeat", s.rule());
        out.put("mode", s.mode().name());
        out.put("state", s.state().name());
        out.put("replayed", view.replayed());
        List<Map<String, Object>> days = view.occurrences().stream().map(o -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("day", o.day().toString());
            d.put("start", o.slot().map(slot -> slot.start().toString()).orElse(null));
            d.put("end", o.slot().map(slot -> slot.end().toString()).orElse(null));
            d.put("kind", o.kind().name());
            d.put("reservationId", o.reservationId().orElse(null));
            d.put("status", o.status().map(Enum::name).orElse(null));
            d.put("note", o.note().orElse(null));
            return d;
        }).toList();
        out.put("occurrences", days);
        return out;
    }
}
