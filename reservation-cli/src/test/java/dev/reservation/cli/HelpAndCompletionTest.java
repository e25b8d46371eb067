package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.cli.CliHarness.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} on every command (with the exit codes), {@code --version}, and the completion script. */
class HelpAndCompletionTest {
    private final CliHarness cli = new CliHarness(new TestStores());

    /** Every command path, found by walking the command tree rather than listed by hand. */
    static Stream<String> commandPaths() {
        ReservationCommand root = new ReservationCommand();
        CliContext context = new CliContext(CliRuntime.system(selection -> {
            throw new AssertionError("help must not open the store");
        }), root);
        List<String> paths = new ArrayList<>();
        collect(CliMain.commandLine(root, context), "", paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, String prefix, List<String> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            String path = (prefix + " " + name).strip();
            paths.add(path);
            collect(sub, path, paths);
        });
    }

    @Test
    void theCommandTreeHasEveryCommandTheIssueAsksFor() {
        assertThat(commandPaths()).contains("users list", "users add", "users show", "rooms list", "rooms add",
                "rooms show", "rooms free", "reserve", "reservations list", "reservations show",
                "reservations cancel", "seed", "cluster status", "cluster check-replication", "cluster watch",
                "completion", "users edit", "users deactivate", "users reactivate", "users passwd",
                "users bootstrap-admin", "rooms edit", "rooms deactivate", "rooms reactivate");
    }

    @Test
    void webhooksHaveTheirCommandsAndTheHelpSaysTheCliDeliversNone() {
        assertThat(commandPaths()).contains("webhooks list", "webhooks create", "webhooks delete", "webhooks enable",
                "webhooks disable", "webhooks deliveries");
        String help = cli.run("webhooks", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("The CLI never delivers webhooks itself: the web app's dispatcher does");
        String create = cli.run("webhooks", "create", "--help").out().replaceAll("\\s+", " ");
        assertThat(create).contains("Reservation-Signature", "HMAC-SHA256", "reservation.auto_released");
        assertThat(cli.run("--help").out()).contains("webhooks");
    }

    @ParameterizedTest
    @MethodSource("commandPaths")
    void everyCommandPrintsItsHelpWithTheExitCodes(String path) {
        List<String> args = new ArrayList<>(List.of(path.split(" ")));
        args.add("--help");
        Result help = cli.run(args.toArray(String[]::new));
        assertThat(help.exit()).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(help.out()).startsWith("Usage: reservation " + path)
                .contains("--json", "--as=<email>", "Exit codes:", "7   outcome unknown", "8   sign-in failed")
                .doesNotContain("--password");
    }

    @Test
    void topLevelHelpSaysWhoActsWithoutAsAndDocumentsEveryExitCode() {
        Result help = cli.run("--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("it acts as the local operator",
                "with ADMIN rights", "--as is required", "$RESERVATION_PASSWORD", "$RESERVATION_NEW_PASSWORD",
                "$RESERVATION_ADMIN_PASSWORD");
        for (ExitCode code : ExitCode.values()) {
            assertThat(help.out()).contains("  " + code.code() + "   ");
        }
    }

    @Test
    void printsItsVersion() {
        assertThat(cli.run("--version").out()).startsWith("reservation 0.1.0");
    }

    @Test
    void completionPrintsABashScriptCoveringTheSubcommands() {
        Result completion = cli.run("completion");
        assertThat(completion.exit()).isZero();
        assertThat(completion.out()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_reservation", "reservations", "check-replication", "--idempotency-key");
    }
}
