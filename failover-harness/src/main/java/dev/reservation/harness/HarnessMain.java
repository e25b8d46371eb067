package dev.reservation.harness;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The failover harness's command line ({@code bin/reservation harness ...}). Exit codes: 0 every check
 * passed, 1 a checker found a violation, 2 bad usage, 3 the run could not be done or checked (cluster
 * would not start, final state unreadable).
 */
@Command(name = "harness", mixinStandardHelpOptions = true, subcommands = RunCommand.class,
        description = "Measures failover of the reservation store on MongoDB and checks that nothing is lost.")
public final class HarnessMain implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(HarnessWiring.real(System.getenv())).execute(args));
    }

    public static CommandLine commandLine(HarnessWiring wiring) {
        CommandLine cli = new CommandLine(new HarnessMain(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == RunCommand.class) {
                    return type.cast(new RunCommand(wiring));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            PrintWriter err = command.getErr();
            err.println("error: " + e.getMessage());
            err.flush();
            return RunResult.NOT_CHECKED;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
