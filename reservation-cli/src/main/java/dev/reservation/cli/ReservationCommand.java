package dev.reservation.cli;

import java.nio.file.Path;
import java.util.Optional;
import dev.reservation.cli.input.PasswordInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top command, {@code reservation}, and the global options (accepted before or after any
 * subcommand). Holds parsed values only; one instance per run, not thread-safe.
 */
@Command(name = "reservation", mixinStandardHelpOptions = true, version = "reservation 0.1.0-SNAPSHOT",
        description = {
            "Meeting-room reservations from the command line: users, rooms, bookings, cluster health.",
            "",
            "Who acts: with --as <email> the CLI signs in as that user, with the password from"
                + " $RESERVATION_PASSWORD or, when that is unset, a prompt (never a command-line option). Without"
                + " --as, on the embedded store, it acts as the local operator (the owner of the data directory)"
                + " with ADMIN rights, recorded as 'local-operator'. With --mongo-uri or $RESERVATION_MONGO_URI,"
                + " --as is required (except for cluster commands and users bootstrap-admin).",
            "A MEMBER sees rooms and schedules, books only for themselves, sees others' reservations only as"
                + " busy slots, and cancels only their own; an ADMIN also manages users and rooms."},
        subcommands = {UsersCommand.class, RoomsCommand.class, LocationsCommand.class, ReserveCommand.class,
            ReservationsCommand.class, SeriesCommand.class, ReportCommand.class, SeedCommand.class, NotificationsCommand.class,
            TokensCommand.class, WebhooksCommand.class, ClusterCommand.class, CompletionCommand.class},
        footerHeading = "%nStore, times and passwords:%n",
        footer = {
            "The embedded store in --data-dir (default ~/.reservation/data), shared with a web app running on the"
                + " same directory; or the MongoDB at --mongo-uri.",
            "Times are ISO-8601 instants (2030-01-07T09:00:00Z) or local times in the room's zone"
                + " ('2030-01-07 10:00', 'tomorrow 9:30'); durations like 30m, 1h30m, PT45M.",
            "Passwords come from $RESERVATION_PASSWORD (--as), $RESERVATION_NEW_PASSWORD (users passwd) and"
                + " $RESERVATION_ADMIN_PASSWORD (users bootstrap-admin), else from a prompt that does not echo."
                + " 'seed' on the embedded store gives the demo users the demo password stated in the README."})
public final class ReservationCommand implements GlobalOptions {
    @Option(names = "--mongo-uri", paramLabel = "<uri>", scope = ScopeType.INHERIT,
            description = "MongoDB connection string (default: $RESERVATION_MONGO_URI, else the embedded store)")
    private String mongoUri;

    @Option(names = "--data-dir", paramLabel = "<dir>", scope = ScopeType.INHERIT,
            description = "data directory of the embedded store (default: $RESERVATION_DATA_DIR, else ~/.reservation/data)")
    private Path dataDir;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "print one JSON document with stable field names instead of text")
    private boolean json;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "print stack traces with errors")
    private boolean verbose;

    @Option(names = "--as", paramLabel = "<email>", scope = ScopeType.INHERIT,
            description = "sign in as this user; password from $RESERVATION_PASSWORD or a prompt"
                    + " (default on the embedded store: the local operator, an ADMIN)")
    private String actingAs;

    @Spec
    private CommandSpec spec;

    /** Refuses a password on the command line, without repeating it (shell history and ps would keep it). */
    @Option(names = "--password", hidden = true, scope = ScopeType.INHERIT, arity = "0..1", paramLabel = "<never>")
    void refusePasswordOption(String ignored) {
        throw new ParameterException(spec.commandLine(), "passwords are never taken from the command line"
                + " (shell history and ps would keep them): set " + PasswordInput.PASSWORD_ENV
                + " or let the CLI ask for it");
    }

    @Override
    public Optional<String> mongoUri() {
        return Optional.ofNullable(mongoUri);
    }

    @Override
    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    @Override
    public boolean json() {
        return json;
    }

    @Override
    public boolean verbose() {
        return verbose;
    }

    @Override
    public Optional<String> actingAs() {
        return Optional.ofNullable(actingAs).filter(s -> !s.isBlank());
    }
}
