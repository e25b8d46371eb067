package dev.reservation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.Role;
import dev.reservation.web.oidc.OidcSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
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

    @Test
    void readsTheOidcOptionsAndTheSecretOnlyFromTheEnvironment() {
        WebMain main = new WebMain();
        main.env = Map.of(WebMain.OIDC_SECRET, "s3cret");
        new CommandLine(main).parseArgs("--oidc-issuer", "https://login.example.com/realms/staff",
                "--oidc-client-id", "rooms", "--oidc-name", "Staff Login", "--oidc-default-role", "admin",
                "--oidc-role-claim", "realm_access.roles", "--oidc-admin-value", "rooms-admin",
                "--public-url", "https://rooms.example.com", "--local-passwords", "off");

        OidcSettings s = main.oidcSettings().orElseThrow();
        assertThat(s.issuer()).hasToString("https://login.example.com/realms/staff");
        assertThat(s.clientId()).isEqualTo("rooms");
        assertThat(s.clientSecret().getValue()).isEqualTo("s3cret");
        assertThat(s.providerName()).isEqualTo("Staff Login");
        assertThat(s.defaultRole()).isEqualTo(Role.ADMIN);
        assertThat(s.roleClaim()).isEqualTo("realm_access.roles");
        assertThat(s.adminValue()).isEqualTo("rooms-admin");
        assertThat(s.publicUrl()).hasToString("https://rooms.example.com");
        assertThat(main.localPasswords).isFalse();
    }

    @Test
    void hasNoOptionForTheClientSecret() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new WebMain()).setErr(new PrintWriter(err))
                .execute("--oidc-client-secret", "visible-in-ps");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option").doesNotContain("at dev.");
    }

    @Test
    void keepsLocalPasswordsAndNoProviderByDefault() {
        WebMain main = new WebMain();
        main.env = Map.of();
        new CommandLine(main).parseArgs("--in-memory");

        assertThat(main.localPasswords).isTrue();
        assertThat(main.oidcSettings()).isEmpty();
        assertThat(main.oidcDefaultRole).isEqualTo("MEMBER");
    }

    @Test
    void failsFastInOneLineWhenTheIssuerCannotBeReached() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        WebMain main = new WebMain();
        main.env = Map.of(WebMain.OIDC_SECRET, "s3cret");
        StringWriter err = new StringWriter();

        int code = WebMain.commandLine(main).setErr(new PrintWriter(err)).execute("--in-memory",
                "--oidc-issuer", "http://127.0.0.1:" + closed + "/realms/staff", "--oidc-client-id", "rooms");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("reservation web: the OIDC issuer http://127.0.0.1:" + closed
                + "/realms/staff cannot be reached").doesNotContain("at dev.").hasLineCount(1);
    }

    @Test
    void refusesToTurnPasswordsOffWithoutAProviderOrToStartWithoutTheSecret() {
        WebMain main = new WebMain();
        main.env = Map.of();
        StringWriter err = new StringWriter();
        assertThat(WebMain.commandLine(main).setErr(new PrintWriter(err)).execute("--in-memory",
                "--local-passwords", "off")).isEqualTo(1);
        assertThat(err.toString()).contains("--local-passwords off needs an OpenID provider");

        WebMain noSecret = new WebMain();
        noSecret.env = Map.of();
        StringWriter err2 = new StringWriter();
        assertThat(WebMain.commandLine(noSecret).setErr(new PrintWriter(err2)).execute("--in-memory",
                "--oidc-issuer", "https://login.example.com", "--oidc-client-id", "rooms")).isEqualTo(1);
        assertThat(err2.toString()).contains("RESERVATION_OIDC_CLIENT_SECRET");
    }
}
