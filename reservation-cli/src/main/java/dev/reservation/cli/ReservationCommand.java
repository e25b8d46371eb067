package dev.reservation.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
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
            "Who acts: until sign-in exists, the CLI acts as the local operator with ADMIN rights. With --as"
                + " <email|id> it acts as that user instead: a MEMBER may book only for themselves, cancel only"
                + " their own reservations, and may not add users or rooms or seed."},
        subcommands = {UsersCommand.class, RoomsCommand.class, ReserveCommand.class, ReservationsCommand.class,
            SeedCommand.class, ClusterCommand.class, CompletionCommand.class},
        footerHeading = "%nStore and times:%n",
        footer = {
            "The embedded store in --data-dir (default ~/.reservation/data), shared with a web app running on the"
                + " same directory; or the MongoDB at --mongo-uri.",
            "Times are ISO-8601 instants (2030-01-07T09:00:00Z) or local times in the room's zone"
                + " ('2030-01-07 10:00', 'tomorrow 9:30'); durations like 30m, 1h30m, PT45M."})
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

    @Option(names = "--as", paramLabel = "<email|id>", scope = ScopeType.INHERIT,
            description = "act as this user (default: the local operator, an ADMIN)")
    private String actingAs;

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
