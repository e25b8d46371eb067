package dev.reservation.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where failures reach the user: parse errors and exceptions from commands become
 * an exit code ({@link ExitCode}, via {@link Failures}) and one line on stderr (a conflict adds its
 * details), with the stack trace only under {@code --verbose}. Thread-safe if its writer is.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final PrintWriter err;
    private final Failures failures;
    private final BooleanSupplier verbose;

    ErrorReporter(PrintWriter err, Failures failures, BooleanSupplier verbose) {
        this.err = err;
        this.failures = failures;
        this.verbose = verbose;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String message = ex.getMessage();
        if (message != null && message.startsWith("Missing required subcommand")) {
            message = "missing command: choose one of " + String.join(", ", command.getSubcommands().keySet());
        }
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + String.join(" or ", suggestions) + "?";
            }
        }
        err.println("usage error: " + message + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        stackTraceIfVerbose(ex);
        err.flush();
        return ExitCode.USAGE.code();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        Throwable cause = Failures.unwrap(ex);
        if (cause instanceof ParameterException usage) {
            return handleParseException(usage, parseResult.originalArgs().toArray(String[]::new));
        }
        Failures.Failure failure = failures.describe(cause);
        err.println(failure.headline());
        failure.details().forEach(err::println);
        stackTraceIfVerbose(ex);
        err.flush();
        return failure.exit().code();
    }

    private void stackTraceIfVerbose(Throwable t) {
        if (verbose.getAsBoolean()) {
            t.printStackTrace(err);
        }
    }
}
