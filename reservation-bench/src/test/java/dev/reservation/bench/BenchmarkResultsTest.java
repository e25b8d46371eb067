package dev.reservation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verdicts computed from hand-written raw files. */
class BenchmarkResultsTest {
    @TempDir
    Path raw;

    private void write(String name, String text) throws IOException {
        Files.writeString(raw.resolve(name), text);
    }

    private static String jmh(String benchmark, String existing, int forks, double score, String error, String unit,
                              String rawData) {
        return "{\"benchmark\":\"dev.reservation.bench." + benchmark + "\",\"mode\":\"thrpt\",\"forks\":" + forks
                + (existing == null ? "" : ",\"params\":{\"existing\":\"" + existing + "\"}")
                + ",\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":" + error + ",\"scoreUnit\":\"" + unit
                + "\",\"rawData\":" + rawData + "},\"secondaryMetrics\":{}}";
    }

    private static String http(String scenario, double rate, double error, double p99, double p99Low, double p99High,
                               String extra) {
        return "{\"generator\":\"HttpLoad\",\"scenario\":\"" + scenario + "\",\"mode\":\"closed\",\"concurrency\":16,"
                + "\"requests\":10000,\"errors\":0,\"non2xx\":0,\"notSent\":0,\"throughputPerSecond\":" + rate
                + ",\"throughputError\":" + error + ",\"latencyMillis\":{\"p50\":5,\"p90\":9,\"p99\":" + p99
                + ",\"p99Low\":" + p99Low + ",\"p99High\":" + p99High + ",\"p999\":80,\"max\":120},"
                + "\"warmup\":{\"rounds\":3,\"converged\":true,\"ratesPerSecond\":[900,1000,1010],"
                + "\"criterion\":\"two consecutive rounds within 15 %\"},\"statuses\":{\"200\":10000}" + extra + "}";
    }

    private void fullRun() throws IOException {
        write("run.json", "{\"quick\":false,\"wrk\":\"available\"}");
        write("machine.txt", "2 cores, test machine");
        write("jmh-core.json", "[" + String.join(",",
                // straddles 500,000: the score meets it, the interval does not
                jmh("BookingThroughputBenchmark.oneThread", null, 3, 553_242, "979188", "ops/s",
                        "[[392120,365044,445066],[580834,983144,700000],[500000,520000,510000]]"),
                jmh("ConflictCheckBenchmark.checkOnly", "100", 3, 124, "1", "ns/op", "[[124,124],[123,125],[124,124]]"),
                jmh("ConflictCheckBenchmark.checkOnly", "1000000", 3, 1894, "100", "ns/op",
                        "[[1900,1890],[1880,1900],[1894,1890]]")) + "]");
        write("memory.txt", "1000000 369.9\n1000000 370.1\n1000000 370.4\n");
        write("http-ceiling.json", http("ceiling", 10_000, 200, 4, 3.9, 4.1, ""));
        write("http-ceiling-end.json", http("ceiling", 9_500, 200, 4, 3.9, 4.1, ""));
        write("http-api-rooms.json", http("api-rooms", 630, 20, 76, 70, 80, ""));
        write("http-day-page.json", http("day-page", 3_000, 100, 10, 9, 11, ""));
        write("http-book-distinct.json", http("book-distinct", 1_500, 50, 40, 38, 42, ""));
        write("http-book-open-loop.json", http("book-open-loop", 1_195, 5, 48, 45, 52,
                ",\"targetRatePerSecond\":1200"));
        write("http-contention.json", http("contention", 100, 5, 900, 800, 1000,
                ",\"slotsContended\":131,\"slotsWithOneWinner\":131,\"slotsWithSeveralWinners\":0")
                .replace("{\"200\":10000}", "{\"201\":131,\"409\":1957}"));
    }

    private Map<String, String> verdicts() {
        return BenchmarkResults.compute(raw).targets().stream()
                .collect(Collectors.toMap(BenchmarkResults.Target::what, BenchmarkResults.Target::verdict,
                        (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private String verdict(String prefix) {
        return verdicts().entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no target " + prefix + " in " + verdicts().keySet())).getValue();
    }

    @Test
    void aStraddlingIntervalIsNotProvenAndAMissedTargetSaysByHowMuch() throws IOException {
        fullRun();

        assertThat(verdict("Booking throughput, 1 thread")).startsWith("not proven (interval");
        // 15.3× the 10^2 figure against ≤ 2×: 7.6× over
        assertThat(verdict("Conflicting attempt")).isEqualTo("missed by 7.64×");
        assertThat(verdict("GET /api/v1/rooms vs the ceiling (HttpLoad)")).isEqualTo("missed by 7.94×");
        assertThat(verdict("Bookings, distinct slots: achieved rate")).isEqualTo("met");
        // p99 48 ms, but its upper bound 52 ms is above 50
        assertThat(verdict("Bookings, distinct slots: corrected p99")).startsWith("not proven");
        assertThat(verdict("Heap per stored reservation")).isEqualTo("met");
        assertThat(verdict("Ceiling at the start vs the end")).isEqualTo("met");
        assertThat(verdict("JMH forks agree")).startsWith("missed: BookingThroughputBenchmark.oneThread");
        assertThat(verdict("Contention")).isEqualTo("met");
    }

    @Test
    void ratiosAreToTheHigherOfTheStartAndEndCeilings() throws IOException {
        fullRun();
        write("http-ceiling-end.json", http("ceiling", 12_600, 200, 4, 3.9, 4.1, ""));

        BenchmarkResults.Target api = BenchmarkResults.compute(raw).targets().stream()
                .filter(t -> t.what().startsWith("GET /api/v1/rooms vs the ceiling (HttpLoad)")).findFirst()
                .orElseThrow();
        assertThat(api.measured()).startsWith("0.05×").contains("vs 12,600 ± 200 req/s");
        assertThat(api.verdict()).isEqualTo("missed by 10×");
        assertThat(verdict("Ceiling at the start vs the end")).isEqualTo("missed: 21 % apart");
    }

    @Test
    void whatIsAbsentIsNotMeasured() throws IOException {
        fullRun();

        assertThat(verdict("Day page, 50,000 reservations stored vs an empty store")).isEqualTo("not measured");
        assertThat(verdict("Day page, 50,000 reservations stored (HttpLoad)")).isEqualTo("not measured");
        assertThat(verdict("Bookings with 10^6 stored vs empty")).isEqualTo("not measured");
        assertThat(verdict("Disk per stored reservation")).isEqualTo("not measured");
        assertThat(verdict("Free-room search")).isEqualTo("not measured");
        assertThat(BenchmarkResults.compute(raw).targets().stream()
                .filter(t -> t.what().startsWith("Day page, 50,000 reservations stored vs")).findFirst().orElseThrow()
                .measured()).contains("--data-dir");
    }

    @Test
    void thePreFilledStoreAndTheEmbeddedScaleFileAreJudgedWhenPresent() throws IOException {
        fullRun();
        write("http-day-page-50k.json", http("day-page", 1_800, 50, 12, 11, 13, ""));
        write("embedded-scale.json", "{\"bookingsEmpty\":{\"score\":1000,\"error\":10,\"unit\":\"ops/s\",\"forks\":3},"
                + "\"bookingsAt1e6\":{\"score\":900,\"error\":10,\"forks\":3},"
                + "\"diskBytesPerReservation\":{\"score\":2500,\"error\":20},"
                + "\"rssKbAt1e5\":{\"score\":409600,\"error\":10240,\"forks\":3}}");

        // 1,800/3,000 = 0.60 (0.566–0.636): missed
        assertThat(verdict("Day page, 50,000 reservations stored vs an empty store")).isEqualTo("missed by 1.12×");
        assertThat(verdict("Day page, 50,000 reservations stored (HttpLoad)")).isEqualTo("missed by 1.11×");
        assertThat(verdict("Bookings with 10^6 stored vs empty")).isEqualTo("met");
        assertThat(verdict("Disk per stored reservation")).isEqualTo("missed by 1.22×");
        // 400 MiB ± 10: met with room to spare
        assertThat(verdict("Resident memory of the embedded store with 10^5 stored")).isEqualTo("met");
    }

    @Test
    void theMemoryCeilingIsJudgedOnTheHighestPeakOfAnyForkWhereTheFileHasIt() throws IOException {
        fullRun();
        // the mean's interval (200–600 MiB) straddles 512; the worst fork peaked at 450 MiB
        write("embedded-scale.json", "{\"rssKbAt1e5\":{\"score\":409600,\"error\":204800,\"forks\":3,"
                + "\"highestPeak\":460800},\"bookingsEmpty\":{\"score\":1000,\"error\":10,\"forks\":3},"
                + "\"bookingsAt1e6\":{\"score\":900,\"error\":10,\"forks\":3}}");
        assertThat(verdict("Resident memory of the embedded store with 10^5 stored")).isEqualTo("met");
        assertThat(BenchmarkResults.compute(raw).targets().stream()
                .filter(t -> t.what().startsWith("Resident memory")).findFirst().orElseThrow().measured())
                .startsWith("highest peak of 3 fork(s) 450 MiB");

        write("embedded-scale.json", "{\"rssKbAt1e5\":{\"score\":409600,\"error\":10240,\"forks\":3,"
                + "\"highestPeak\":614400},\"bookingsEmpty\":{\"score\":1000,\"error\":10,\"forks\":3},"
                + "\"bookingsAt1e6\":{\"score\":900,\"error\":10,\"forks\":3}}");
        // a mean of 400 MiB that one fork exceeded at 600: the ceiling was not kept
        assertThat(verdict("Resident memory of the embedded store with 10^5 stored")).isEqualTo("missed by 1.17×");
    }

    @Test
    void theMemoryVerdictCountsTheForksThatMeasuredMemoryNotThoseThatMeasuredBookings() throws IOException {
        fullRun();
        // three forks filled to 10^5 only (no 10^6 booking figure): memory is still judged on three forks
        write("embedded-scale.json", "{\"rssKbAt1e5\":{\"score\":409600,\"error\":10240,\"forks\":3,"
                + "\"highestPeak\":460800},\"bookingsEmpty\":{\"score\":1000,\"error\":10,\"forks\":3}}");
        assertThat(verdict("Resident memory of the embedded store with 10^5 stored")).isEqualTo("met");

        // one fork measured memory, three measured bookings: memory is one fork's word
        write("embedded-scale.json", "{\"rssKbAt1e5\":{\"score\":409600,\"error\":0,\"forks\":1,"
                + "\"highestPeak\":460800},\"bookingsEmpty\":{\"score\":1000,\"error\":10,\"forks\":3},"
                + "\"bookingsAt1e6\":{\"score\":900,\"error\":10,\"forks\":3}}");
        assertThat(verdict("Resident memory of the embedded store with 10^5 stored"))
                .isEqualTo("indicative (1 fork(s)): would be met");
        assertThat(verdict("Bookings with 10^6 stored vs empty")).isEqualTo("met");
    }

    @Test
    void aJmhRowNamesItsParametersWhateverTheyAreCalled() throws IOException {
        fullRun();
        write("jmh-mongo.json", "[" + jmh("MongoStoreBenchmark.book", null, 3, 700, "10", "ops/s",
                "[[700,700],[690,710],[700,705]]").replace("\"forks\":3", "\"forks\":3,\"params\":{\"backend\":\"memory\"}")
                + "," + jmh("MongoStoreBenchmark.book", null, 3, 250, "10", "ops/s", "[[250,250],[150,150],[250,250]]")
                .replace("\"forks\":3", "\"forks\":3,\"params\":{\"backend\":\"durable\"}") + "]");
        BenchmarkResults.Table jmh = BenchmarkResults.compute(raw).tables().stream()
                .filter(t -> t.title().startsWith("Core and store")).findFirst().orElseThrow();
        assertThat(jmh.rows()).extracting(r -> r.get(0))
                .contains("MongoStoreBenchmark.book (memory)", "MongoStoreBenchmark.book (durable)");
        // the durable forks disagree (150 against 250): named with their parameter
        assertThat(verdict("JMH forks agree within 15 %")).contains("MongoStoreBenchmark.book durable")
                .doesNotContain("book memory");
    }

    @Test
    void aScaleFileWithoutTheMillionSaysSoRatherThanThatItsShapeIsUnknown() throws IOException {
        fullRun();
        write("embedded-scale.json", "{\"bookingsEmpty\":{\"score\":1000,\"error\":10,\"unit\":\"ops/s\",\"forks\":1}}");

        String measured = BenchmarkResults.compute(raw).targets().stream()
                .filter(t -> t.what().startsWith("Bookings with 10^6 stored vs empty")).findFirst().orElseThrow()
                .measured();
        assertThat(measured).contains("no booking figure at 10^6 stored").doesNotContain("shape");
        assertThat(verdict("Bookings with 10^6 stored vs empty")).isEqualTo("not measured");
    }

    @Test
    void aQuickRunIsOnlyIndicative() throws IOException {
        fullRun();
        write("run.json", "{\"quick\":true}");

        assertThat(verdicts().values()).noneMatch("met"::equals);
        assertThat(verdict("Bookings, distinct slots: achieved rate")).isEqualTo("indicative (quick run): would be met");
        assertThat(BenchmarkResults.compute(raw).runNotes()).anyMatch(n -> n.contains("--quick"));
    }

    @Test
    void errorsOrUnexpectedStatusesInvalidateAFigure() throws IOException {
        fullRun();
        write("http-book-open-loop.json", http("book-open-loop", 1_195, 5, 48, 45, 49,
                ",\"targetRatePerSecond\":1200").replace("\"non2xx\":0", "\"non2xx\":17"));

        assertThat(verdict("Bookings, distinct slots: achieved rate")).isEqualTo("invalid: 17 non-2xx answers");
    }

    @Test
    void theWriterPutsTheTargetsBetweenTheReadmeMarkersOnly() throws IOException {
        fullRun();
        BenchmarkResults.Report report = BenchmarkResults.compute(raw);
        String readme = "# X\n\nprose\n<!-- bench:start -->\nold table\n<!-- bench:end -->\nafter\n";

        String updated = ResultsWriter.withReadmeTable(readme, report);

        assertThat(updated).startsWith("# X\n\nprose\n<!-- bench:start -->\n| target | measured | goal | verdict |")
                .endsWith("<!-- bench:end -->\nafter\n").doesNotContain("old table").contains("missed by 7.64×");
        assertThat(ResultsWriter.resultsMarkdown(report, "benchmarks/raw", "## Why\n"))
                .contains("## HTTP on the embedded default").contains("## HTTP warm-up").endsWith("## Why\n");
    }
}
