package dev.reservation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forks of EmbeddedScaleBenchmark combined into the shape BenchmarkResults judges. */
class EmbeddedScaleSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A run's file: booking rate and disk per reservation at each size. */
    private Path run(String name, long[] sizes, double[] bookRates, double[] disk) throws IOException {
        return run(name, sizes, bookRates, disk, null, 0);
    }

    /**
     * As above, each size's booking window also as {@code iterations} one-second iterations (none
     * when null: a file written before iterations were kept) and the server's peak memory.
     */
    private Path run(String name, long[] sizes, double[] bookRates, double[] disk, double[][] iterations,
                     long peakKb) throws IOException {
        ObjectNode report = JSON.createObjectNode();
        var array = report.putArray("sizes");
        for (int i = 0; i < sizes.length; i++) {
            ObjectNode s = array.addObject();
            s.put("reservations", sizes[i]);
            s.put("diskBytesPerReservation", disk[i]);
            s.put("rssKbAfterOps", 400_000 + 1_000 * i);
            s.put("peakRssKbSinceStartup", peakKb);
            ObjectNode book = s.putObject("ops").putObject("book").put("opsPerSecond", bookRates[i]).put("p99Micros", 1000);
            if (iterations != null) {
                var its = book.putArray("iterationOpsPerSecond");
                for (double v : iterations[i]) {
                    its.add(v);
                }
            }
        }
        Path f = dir.resolve(name);
        Files.writeString(f, JSON.writeValueAsString(report));
        return f;
    }

    @Test
    void threeForksGiveMeansWithIntervalsThatBenchmarkResultsReads() throws IOException {
        long[] sizes = {0, 1_000_000};
        List<Path> runs = new ArrayList<>();
        runs.add(run("a.json", sizes, new double[] {100, 80}, new double[] {0, 1500}));
        runs.add(run("b.json", sizes, new double[] {110, 85}, new double[] {0, 1600}));
        runs.add(run("c.json", sizes, new double[] {90, 75}, new double[] {0, 1700}));
        ObjectNode summary = EmbeddedScaleBenchmark.summarize(runs);
        assertThat(summary.path("bookingsEmpty").path("score").asDouble()).isEqualTo(100.0);
        assertThat(summary.path("bookingsEmpty").path("error").asDouble()).isGreaterThan(0);
        assertThat(summary.path("bookingsAt1e6").path("score").asDouble()).isEqualTo(80.0);
        assertThat(summary.path("diskBytesPerReservation").path("score").asDouble()).isEqualTo(1600.0);
        assertThat(summary.path("diskBytesPerReservation").path("reservations").asLong()).isEqualTo(1_000_000);

        BenchmarkResults.EmbeddedScale read = BenchmarkResults.EmbeddedScale.of(summary);
        assertThat(read.forks()).isEqualTo(3);
        assertThat(read.conclusive()).isTrue();
        assertThat(read.million().score()).isEqualTo(80.0);
        assertThat(read.empty().low()).isLessThan(100.0);
        assertThat(read.disk().high()).isGreaterThan(1600.0);
        assertThat(summary.has("rssKbAt1e5")).isFalse(); // no run measured 10^5
        assertThat(read.rssMiB()).isNull();
    }

    @Test
    void withoutTenToTheSixNoMillionFigureAndOneForkHasNoInterval() throws IOException {
        ObjectNode summary = EmbeddedScaleBenchmark.summarize(List.of(
                run("q.json", new long[] {0, 100_000}, new double[] {100, 90}, new double[] {0, 2500})));
        assertThat(summary.has("bookingsAt1e6")).isFalse();
        assertThat(summary.path("bookingsEmpty").has("error")).isFalse();
        assertThat(summary.path("rssKbAt1e5").path("score").asDouble()).isEqualTo(401_000.0);
        assertThat(BenchmarkResults.EmbeddedScale.of(summary).rssMiB().score()).isEqualTo(401_000.0 / 1024);
        assertThat(summary.path("diskBytesPerReservation").path("reservations").asLong()).isEqualTo(100_000);
        BenchmarkResults.EmbeddedScale read = BenchmarkResults.EmbeddedScale.of(summary);
        assertThat(read.million()).isNull();
        assertThat(read.conclusive()).isFalse();
    }

    @Test
    void bookingsPoolEveryForksIterationsAsJmhDoesAndFallBackToForkMeansForOlderFiles() throws IOException {
        long[] sizes = {0, 1_000_000};
        double[][] a = {{98, 102, 100, 100}, {80, 82, 78, 80}};
        double[][] b = {{108, 112, 110, 110}, {85, 87, 83, 85}};
        double[][] c = {{88, 92, 90, 90}, {75, 77, 73, 75}};
        List<Path> runs = List.of(run("a.json", sizes, new double[] {100, 80}, new double[] {0, 1500}, a, 0),
                run("b.json", sizes, new double[] {110, 85}, new double[] {0, 1600}, b, 0),
                run("c.json", sizes, new double[] {90, 75}, new double[] {0, 1700}, c, 0));
        ObjectNode pooled = EmbeddedScaleBenchmark.summarize(runs);
        assertThat(pooled.path("bookingsEmpty").path("iterations").asInt()).isEqualTo(12);
        assertThat(pooled.path("bookingsEmpty").path("basis").asText()).contains("iterations");
        assertThat(pooled.path("bookingsEmpty").path("score").asDouble()).isEqualTo(100.0);
        assertThat(pooled.path("bookingsAt1e6").path("score").asDouble()).isEqualTo(80.0);

        // the same fork means without iterations: t with 2 degrees of freedom instead of 11
        ObjectNode means = EmbeddedScaleBenchmark.summarize(List.of(
                run("d.json", sizes, new double[] {100, 80}, new double[] {0, 1500}),
                run("e.json", sizes, new double[] {110, 85}, new double[] {0, 1600}),
                run("f.json", sizes, new double[] {90, 75}, new double[] {0, 1700})));
        assertThat(means.path("bookingsEmpty").path("basis").asText()).isEqualTo("the forks' means");
        assertThat(pooled.path("bookingsEmpty").path("error").asDouble())
                .isLessThan(means.path("bookingsEmpty").path("error").asDouble() / 3);

        // one fork without iterations: the pooled basis would weigh the forks unequally, so fork means
        ObjectNode mixed = EmbeddedScaleBenchmark.summarize(List.of(runs.get(0), runs.get(1),
                run("g.json", sizes, new double[] {90, 75}, new double[] {0, 1700})));
        assertThat(mixed.path("bookingsEmpty").path("basis").asText()).isEqualTo("the forks' means");
        assertThat(mixed.path("bookingsEmpty").has("iterations")).isFalse();
    }

    @Test
    void theMemoryFigureKeepsTheHighestPeakOfAnyFork() throws IOException {
        long[] sizes = {0, 100_000};
        ObjectNode summary = EmbeddedScaleBenchmark.summarize(List.of(
                run("a.json", sizes, new double[] {100, 90}, new double[] {0, 700}, null, 380_000),
                run("b.json", sizes, new double[] {100, 90}, new double[] {0, 700}, null, 420_000),
                run("c.json", sizes, new double[] {100, 90}, new double[] {0, 700}, null, 400_000)));
        assertThat(summary.path("rssKbAt1e5").path("highestPeak").asDouble()).isEqualTo(420_000.0);
        assertThat(BenchmarkResults.EmbeddedScale.of(summary).rssPeakMiB()).isEqualTo(420_000.0 / 1024);
    }
}
