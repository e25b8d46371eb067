package dev.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WebMainTest {
    @Test
    void readsTheOptionsTheLauncherPassesOn() {
        WebMain main = new WebMain();
        new CommandLine(main).parseArgs("--port", "9090", "--mongo-uri", "mongodb://db1,db2/?replicaSet=rs0",
                "--data-dir", "/tmp/x", "--primary-wait", "20s");

        assertThat(main.port).isEqualTo(9090);
        assertThat(main.mongoUri).isEqualTo("mongodb://db1,db2/?replicaSet=rs0");
        assertThat(main.primaryWait).isEqualTo(Duration.ofSeconds(20));
        assertThat(main.inMemory).isFalse();
    }

    @Test
    void waitsFifteenSecondsForAPrimaryByDefault() {
        WebMain main = new WebMain();
        new CommandLine(main).parseArgs("--in-memory");

        assertThat(main.primaryWait).isEqualTo(Duration.ofSeconds(15));
        assertThat(main.inMemory).isTrue();
        assertThat(main.sessionIdle).isEqualTo(Duration.ofMinutes(30));
        assertThat(main.sessionMax).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void readsTheSessionTimeouts() {
        WebMain main = new WebMain();
        new CommandLine(main).parseArgs("--session-idle", "10m", "--session-max", "8h");

        assertThat(main.sessionIdle).isEqualTo(Duration.ofMinutes(10));
        assertThat(main.sessionMax).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void readsDurationsInTheUsualShapes() {
        WebMain.DurationConverter c = new WebMain.DurationConverter();

        assertThat(c.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(c.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.convert("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(c.convert("PT12S")).isEqualTo(Duration.ofSeconds(12));
        assertThatThrownBy(() -> c.convert("soon")).hasMessageContaining("not a duration");
    }

    @Test
    void explainsABadOptionInOneLineWithoutAStackTrace() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new WebMain()).setErr(new PrintWriter(err)).execute("--primary-wait", "soon");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration").doesNotContain("at dev.");
    }
}
