package dev.reservation.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the command line against real servers and reads back the run folder, for the *IT tests. */
final class RunFolder {
    final Path folder;
    final int exit;
    final String out;
    final String err;

    private RunFolder(Path folder, int exit, String out, String err) {
        this.folder = folder;
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    static RunFolder run(Path folder, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = HarnessMain.commandLine(HarnessWiring.real(System.getenv()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("run", "--out", folder.toString()));
        all.addAll(List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        return new RunFolder(folder, exit, out.toString(), err.toString());
    }

    JsonNode summary() throws IOException {
        return new ObjectMapper().readTree(folder.resolve(RunReports.SUMMARY).toFile());
    }

    /** The run passed its checks and left every file of a run folder. */
    RunFolder assertPassedWithEveryFile() {
        assertThat(exit).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isZero();
        for (String file : List.of(RunReports.HISTORY, RunReports.SUMMARY, RunReports.CSV, RunReports.HTML)) {
            assertThat(folder.resolve(file)).as(file).isNotEmptyFile();
        }
        try {
            assertThat(Files.readString(folder.resolve(RunReports.HTML))).contains("<svg").contains("PASS");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return this;
    }
}
