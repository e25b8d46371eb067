package dev.reservation.cli;

import dev.reservation.cli.output.Json;
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
    private final PrintWriter out;
    private final BooleanSupplier json;

    ErrorReporter(PrintWriter err, Failures failures, BooleanSupplier verbose) {
        this(err, failures, verbose, null, () -> false);
    }

    /** With {@code --json} ({@code json} true) a failure is also a JSON document on {@code out}. */
    ErrorReporter(PrintWriter err, Failures failures, BooleanSupplier verbose, PrintWriter out, BooleanSupplier json) {
        this.err = err;
        this.failures = failures;
        this.verbose = verbose;
        this.out = out;
        this.json = json;
    }

    /**
     * {@code {"error": {"exit": 4, "kind": "CONFLICT", "message": "...", "details": [...]}}} on stdout,
     * so a script reading --json output always gets one document, success or not.
     */
    private void jsonError(ExitCode exit, String message, List<String> details, boolean asked) {
        if (out == null || !asked) {
            return;
        }
        out.println(Json.write(Json.object("error",
                Json.object("exit", exit.code(), "kind", exit.name(), "message", message,
                        "details", details.stream().map(String::strip).toList()))));
        out.flush();
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
        String line = "usage error: " + message + " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
        err.println(line);
        stackTraceIfVerbose(ex);
        err.flush();
        jsonError(ExitCode.USAGE, line, List.of(), json.getAsBoolean() || List.of(args).contains("--json"));
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
        jsonError(failure.exit(), failure.headline(), failure.details(), json.getAsBoolean());
        return failure.exit().code();
    }

    private void stackTraceIfVerbose(Throwable t) {
        if (verbose.getAsBoolean()) {
            t.printStackTrace(err);
        }
    }
}
