package dev.reservation.cli;

import dev.reservation.cli.store.MongoStoreFactory;
import dev.reservation.cli.store.StoreFactory;
import java.time.Clock;
import picocli.CommandLine;

/**
 * Entry point of {@code bin/reservation}: parses the command line, runs the command against the
 * selected store, and exits with a documented {@link ExitCode}.
 */
public final class CliMain {
    private CliMain() {
    }

    public static void main(String[] args) {
        CliRuntime runtime = CliRuntime.system(defaultStores());
        int code;
        try {
            code = run(runtime, args);
        } catch (RuntimeException | Error e) {
            runtime.err().println("internal error: " + e + " (nothing more is known)");
            runtime.err().flush();
            code = ExitCode.INTERNAL_ERROR.code();
        }
        System.exit(code);
    }

    /** The store the launcher uses: the Mongo store, embedded unless a URI is given. */
    static StoreFactory defaultStores() {
        return new MongoStoreFactory(Clock.systemUTC());
    }

    /** Runs one command line; returns its exit code. Tests call this with their own runtime. */
    public static int run(CliRuntime runtime, String... args) {
        ReservationCommand root = new ReservationCommand();
        try (CliContext context = new CliContext(runtime, root)) {
            return commandLine(root, context).execute(args);
        }
    }

    static CommandLine commandLine(ReservationCommand root, CliContext context) {
        Failures failures = new Failures(context.lookups()::knownRoom, context.lookups()::allUsers);
        ErrorReporter reporter = new ErrorReporter(context.err(), failures, root::verbose, context.out(), root::json);
        CommandLine cli = new CommandLine(root, new CommandFactory(context))
                .setOut(context.out())
                .setErr(context.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(reporter)
                .setParameterExceptionHandler(reporter);
        documentExitCodes(cli);
        return cli;
    }

    private static void documentExitCodes(CommandLine command) {
        command.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.helpList());
        command.getSubcommands().values().forEach(CliMain::documentExitCodes);
    }
}
