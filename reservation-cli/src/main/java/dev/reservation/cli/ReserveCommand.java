package dev.reservation.cli;

import dev.reservation.cli.input.DurationConverter;
import dev.reservation.cli.output.Json;
import dev.reservation.cli.output.Tables;
import dev.reservation.cli.output.Views.ReservationJson;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.BookingReceipt;
import dev.reservation.core.service.IdGenerator;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReservationView;
import dev.reservation.core.service.ReserveRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reserve}: books a room, as the acting user (a MEMBER only for themselves; the core decides).
 * Every booking carries an idempotency key (a fresh one unless {@code --idempotency-key} is given):
 * when the store cannot confirm a booking, the core looks it up by that key, and if it still cannot
 * tell (exit 7) the same command with that key can be repeated without booking twice. One instance
 * per run; not thread-safe.
 */
@Command(name = "reserve", mixinStandardHelpOptions = true, description = {
    "Book a room. Times are ISO-8601 instants or local times in the room's time zone.",
    "On a conflict (exit 4) the reservations in the way and suggestions are printed on stderr."})
public final class ReserveCommand implements Callable<Integer> {
    @Option(names = "--room", required = true, paramLabel = "<name|id>", description = "the room's name or id")
    private String room;

    @Option(names = "--user", paramLabel = "<email|id>",
            description = {"who the room is booked for (default: the --as user; without --as it is required,",
                "as the local operator is nobody's account); a MEMBER books only for themselves"})
    private String user;

    @Option(names = "--start", required = true, paramLabel = "<time>",
            description = "e.g. 2030-01-07T09:00:00Z, '2030-01-07 10:00' (room's zone), 'tomorrow 9:30'")
    private String start;

    @Option(names = "--end", paramLabel = "<time>", description = "end time, or just HH:MM on the start's day")
    private Optional<String> end;

    @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "<duration>",
            description = "instead of --end: e.g. 30m, 1h, 1h30m")
    private Optional<Duration> duration;

    @Option(names = "--title", required = true, description = "what the meeting is about")
    private String title;

    @Option(names = "--attendees", defaultValue = "1", description = "number of people (default: 1)")
    private int attendees;

    @Option(names = "--idempotency-key", paramLabel = "<key>",
            description = "repeat a booking safely: the same key returns the first booking instead of a second one")
    private String idempotencyKey;

    @Option(names = "--repeat", paramLabel = "<rule>",
            description = {"book a series: an RFC 5545 rule, e.g. 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10'",
                "(--start gives the first day and the time, in the room's zone)"})
    private String repeat;

    @Option(names = "--every", paramLabel = "<when>",
            description = "book a series: day, weekday, week, month, monday,wednesday, '2nd tuesday', 'last friday'")
    private String every;

    @Option(names = "--until", paramLabel = "<day>", description = "with --every: the last day, e.g. 2027-03-01 (included)")
    private String until;

    @Option(names = "--count", paramLabel = "<n>", description = "with --every: this many occurrences")
    private Integer count;

    @Option(names = "--except", paramLabel = "<days>",
            description = "with a series: days to leave out, e.g. 2027-03-08,2027-03-15 (may be repeated)")
    private java.util.List<String> except;

    @Option(names = "--skip-conflicts",
            description = "with a series: book the days that are free and report the others (default: all or nothing)")
    private boolean skipConflicts;

    private final CliContext context;

    public ReserveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Room target = context.lookups().room(room);
        User booker = booker();
        TimeSlot slot = context.times().slot("--start", start, "--end", end, duration, target.zone());
        String key = idempotencyKey != null && !idempotencyKey.isBlank()
                ? idempotencyKey.strip() : "cli-" + context.service(IdGenerator.class).newId();
        if (repeat != null || every != null) {
            return series(target, booker, slot, key);
        }
        if (until != null || count != null || except != null || skipConflicts) {
            throw new InvalidInputException("--repeat", "--until, --count, --except and --skip-conflicts go with"
                    + " --every or --repeat");
        }
        ReserveRequest request = new ReserveRequest(target.id(), booker.id(), slot, title, attendees, Optional.of(key));
        BookingReceipt receipt = context.service(ReservationService.class).reserveWithReceipt(context.actor(), request);
        ReservationView view = ReservationView.of(receipt.reservation(), context.actor());
        context.output().result(Json.object("reservation", ReservationJson.of(view, Optional.of(target)),
                        "replayed", receipt.replayed()),
                out -> out.println((receipt.replayed() ? "Already booked with this idempotency key: " : "Booked: ")
                        + Tables.reservation(view, target, context.lookups().allUsers())));
        return 0;
    }

    private int series(Room target, User booker, TimeSlot slot, String key) {
        java.time.ZonedDateTime first = slot.start().atZone(target.zone());
        String rule = dev.reservation.cli.input.RepeatParser.rule(repeat, every, until, count, first.toLocalDate());
        java.util.TreeSet<java.time.LocalDate> out = new java.util.TreeSet<>();
        for (String day : except == null ? java.util.List.<String>of()
                : except.stream().flatMap(e -> java.util.Arrays.stream(e.split(","))).filter(d -> !d.isBlank()).toList()) {
            try {
                out.add(java.time.LocalDate.parse(day.strip()));
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException("--except", "--except takes dates like 2027-03-01; '" + day
                        + "' is not one");
            }
        }
        dev.reservation.core.series.SeriesRequest request = new dev.reservation.core.series.SeriesRequest(target.id(),
                booker.id(), title, attendees, first.toLocalDate(), first.toLocalTime(),
                (int) slot.duration().toMinutes(), rule, out, skipConflicts
                        ? dev.reservation.core.series.SeriesMode.SKIP_CONFLICTS
                        : dev.reservation.core.series.SeriesMode.ALL_OR_NOTHING, Optional.of(key));
        dev.reservation.core.series.SeriesView view;
        try {
            view = context.service(dev.reservation.core.series.SeriesService.class).book(context.actor(), request);
        } catch (dev.reservation.core.domain.WriteOutcomeUnknownException unknown) {
            throw new dev.reservation.core.domain.WriteOutcomeUnknownException(unknown.getMessage()
                    + "; repeat this command with --idempotency-key " + key + " (it never books an occurrence twice)"
                    + unknown.reservationId().map(id -> " or look at 'series show " + id + "'").orElse(""), unknown);
        }
        SeriesCommand.print(context, view, view.replayed() ? "Already booked with this idempotency key. " : "Booked. ");
        return 0;
    }

    private User booker() {
        if (user != null) {
            return context.lookups().user(user);
        }
        return context.actingUser().orElseThrow(() -> new InvalidInputException("user",
                "say who books: --user <email|id> (or sign in as that user with --as)"));
    }
}
