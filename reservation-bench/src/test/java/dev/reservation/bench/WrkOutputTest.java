package dev.reservation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** wrk 4's report, as printed by the Debian package's wrk (two of the samples are real output). */
class WrkOutputTest {
    private static String sample(String name) throws IOException {
        try (InputStream in = WrkOutputTest.class.getResourceAsStream("/wrk/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void plainReportGivesRateRoundedPercentilesAndNoErrors() throws IOException {
        ObjectNode r = WrkOutput.parse("ceiling", sample("plain.txt"));

        assertThat(r.path("generator").asText()).isEqualTo("wrk");
        assertThat(r.path("url").asText()).isEqualTo("http://127.0.0.1:18999/");
        assertThat(r.path("threads").asInt()).isEqualTo(1);
        assertThat(r.path("concurrency").asInt()).isEqualTo(2);
        assertThat(r.path("requests").asLong()).isEqualTo(515);
        assertThat(r.path("durationSeconds").asDouble()).isCloseTo(1.10, within(1e-9));
        assertThat(r.path("throughputPerSecond").asDouble()).isCloseTo(466.98, within(1e-9));
        assertThat(r.path("latencyMillis").path("p50").asDouble()).isCloseTo(3.61, within(1e-9));
        assertThat(r.path("latencyMillis").path("p99").asDouble()).isCloseTo(42.45, within(1e-9));
        assertThat(r.path("latencyMillis").path("max").asDouble()).isCloseTo(50.96, within(1e-9));
        assertThat(r.path("latencyMillis").has("p999")).isFalse();
        assertThat(r.path("exactPercentiles").asBoolean()).isFalse();
        assertThat(r.path("errors").asLong()).isZero();
        assertThat(r.path("non2xx").asLong()).isZero();
    }

    @Test
    void theLuaReportLineWinsWithExactPercentilesAndCountsNon2xx() throws IOException {
        ObjectNode r = WrkOutput.parse("day-page", sample("with-report-non2xx.txt"));

        assertThat(r.path("exactPercentiles").asBoolean()).isTrue();
        assertThat(r.path("latencyMillis").path("p50").asDouble()).isCloseTo(3.481, within(1e-9));
        assertThat(r.path("latencyMillis").path("p999").asDouble()).isCloseTo(97.886, within(1e-9));
        assertThat(r.path("latencyMillis").path("max").asDouble()).isCloseTo(102.552, within(1e-9));
        assertThat(r.path("non2xx").asLong()).isEqualTo(1741);
        assertThat(r.path("requests").asLong()).isEqualTo(1741);
        assertThat(r.path("throughputPerSecond").asDouble()).isCloseTo(857.63, within(1e-9));
    }

    @Test
    void socketErrorsAreSummedAndSecondsAreConverted() throws IOException {
        ObjectNode r = WrkOutput.parse("api-rooms", sample("socket-errors-seconds.txt"));

        assertThat(r.path("errors").asLong()).isEqualTo(11);
        assertThat(r.path("latencyMillis").path("p99").asDouble()).isCloseTo(1500, within(1e-9));
        assertThat(r.path("latencyMillis").path("max").asDouble()).isCloseTo(2000, within(1e-9));
        assertThat(r.path("latencyMillis").path("mean").asDouble()).isCloseTo(120.5, within(1e-9));
        assertThat(r.path("durationSeconds").asDouble()).isCloseTo(20.02, within(1e-9));
        assertThat(r.path("concurrency").asInt()).isEqualTo(16);
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> WrkOutput.parse("ceiling", "unable to connect to 127.0.0.1:1 Connection refused"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a wrk report");
    }
}
