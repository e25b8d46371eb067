package dev.reservation.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes what {@link BenchmarkResults} computed from a run's raw files: the whole of {@code
 * benchmarks/results.md} (followed by the hand-written {@code benchmarks/analysis.md}), and the
 * targets table in the README between {@code <!-- bench:start -->} and {@code <!-- bench:end -->}.
 * It computes nothing itself.
 *
 * <p>Usage: {@code ResultsWriter <rawDir> <repoRoot>}.
 */
public final class ResultsWriter {
    private ResultsWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path raw = Path.of(args[0]).toAbsolutePath().normalize();
        Path root = Path.of(args[1]).toAbsolutePath().normalize();
        BenchmarkResults.Report report = BenchmarkResults.compute(raw);
        Path out = root.resolve("benchmarks/results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, resultsMarkdown(report, root.relativize(raw).toString(), analysis(root)));
        Path readme = root.resolve("README.md");
        if (Files.exists(readme)) {
            Files.writeString(readme, withReadmeTable(Files.readString(readme), report));
        }
        System.out.println(targetsTable(report));
    }

    static String resultsMarkdown(BenchmarkResults.Report r, String rawDir, String analysis) {
        StringBuilder b = new StringBuilder("# Benchmark results\n\nWritten by `bin/benchmark` from the files in `")
                .append(rawDir).append("`; nothing here is typed by hand. A verdict is \"met\" only when the"
                        + " pessimistic end of the 99.9 % interval meets the target.\n\n## Machine\n```\n")
                .append(r.machine()).append("\n```\n");
        if (!r.runNotes().isEmpty()) {
            b.append("\n## About this run\n");
            r.runNotes().forEach(n -> b.append("- ").append(n).append('\n'));
        }
        b.append("\n## Targets\n").append(targetsTable(r));
        for (BenchmarkResults.Table t : r.tables()) {
            b.append("\n## ").append(t.title()).append('\n').append(table(t.header(), t.rows()));
            if (!t.notes().isEmpty()) {
                b.append('\n');
                t.notes().forEach(n -> b.append("- ").append(n).append('\n'));
            }
        }
        if (!analysis.isEmpty()) {
            b.append('\n').append(analysis);
        }
        return b.toString();
    }

    static String targetsTable(BenchmarkResults.Report r) {
        return table(List.of("target", "measured", "goal", "verdict"), r.targets().stream()
                .map(t -> List.of(t.what(), t.measured(), t.target(), t.verdict())).toList());
    }

    /** The README with its generated block replaced; unchanged when the markers are missing. */
    static String withReadmeTable(String readme, BenchmarkResults.Report r) {
        int from = readme.indexOf("<!-- bench:start -->");
        int to = readme.indexOf("<!-- bench:end -->");
        if (from < 0 || to < from) {
            return readme;
        }
        String firstLine = r.machine().lines().findFirst().orElse("");
        return readme.substring(0, from) + "<!-- bench:start -->\n" + targetsTable(r) + "\nMachine: " + firstLine
                + " — all figures, both generators side by side, in [benchmarks/results.md](benchmarks/results.md).\n"
                + readme.substring(to);
    }

    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> b.append("---|"));
        b.append('\n');
        for (List<String> row : rows) {
            b.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
        return b.toString();
    }

    /** The reviewed explanation of the figures (causes, not numbers), kept beside the results. */
    private static String analysis(Path root) throws IOException {
        Path notes = root.resolve("benchmarks/analysis.md");
        return Files.exists(notes) ? Files.readString(notes) : "";
    }
}
