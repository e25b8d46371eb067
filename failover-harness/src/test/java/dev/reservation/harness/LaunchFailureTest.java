package dev.reservation.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The real launchers, where what they need is missing: one clear line and exit code 3, no stack trace. */
class LaunchFailureTest {
    @TempDir
    Path dir;
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        CommandLine cli = HarnessMain.commandLine(HarnessWiring.real(env));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void namesTheMissingMongodForALocalReplicaSet() {
        int exit = run(Map.of("PATH", "/nonexistent"), "run", "--cluster", "local-psa", "--out", dir.resolve("a").toString());

        assertThat(exit).isEqualTo(RunResult.NOT_CHECKED);
        assertThat(err.toString()).startsWith("error: local clusters need a mongod binary").doesNotContain("\tat ");
    }

    @Test
    void asksForTheUriOfAnExternalCluster() {
        int exit = run(Map.of(), "run", "--cluster", "external", "--out", dir.resolve("b").toString());

        assertThat(exit).isEqualTo(RunResult.NOT_CHECKED);
        assertThat(err.toString()).contains("--cluster external needs --uri");
    }

    @Test
    void refusesElectionSettingsForAClusterItDidNotStart() {
        int exit = run(Map.of(), "run", "--cluster", "external", "--uri", "mongodb://127.0.0.1:1/",
                "--election-timeout-ms", "1000", "--out", dir.resolve("c").toString());

        assertThat(exit).isEqualTo(RunResult.NOT_CHECKED);
        assertThat(err.toString()).contains("only applied to clusters the harness starts");
    }

    @Test
    void saysWhenNoMemberOfAnExternalClusterAnswers() {
        int exit = run(Map.of(), "run", "--cluster", "external", "--uri", "mongodb://127.0.0.1:1/",
                "--out", dir.resolve("d").toString());

        assertThat(exit).isEqualTo(RunResult.NOT_CHECKED);
        assertThat(err.toString()).contains("no member of [127.0.0.1:1] answered replSetGetStatus");
    }
}
