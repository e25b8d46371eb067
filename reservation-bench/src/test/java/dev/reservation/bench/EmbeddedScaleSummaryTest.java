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
        ObjectNode report = JSON.createObjectNode();
        var array = report.putArray("sizes");
        for (int i = 0; i < sizes.length; i++) {
            ObjectNode s = array.addObject();
            s.put("reservations", sizes[i]);
            s.put("diskBytesPerReservation", disk[i]);
            s.put("rssKbAfterOps", 400_000 + 1_000 * i);
            s.putObject("ops").putObject("book").put("opsPerSecond", bookRates[i]).put("p99Micros", 1000);
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
}
