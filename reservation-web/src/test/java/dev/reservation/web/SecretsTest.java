package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.booking;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.reservation.core.auth.PasswordHash;
import dev.reservation.web.http.AccessLog;
import dev.reservation.web.support.Http;
import dev.reservation.web.support.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** No password, password hash or Basic credential ever shows up in a log line or an answer. */
class SecretsTest {
    static final String NEW_PASSWORD = "eve-secret-pass-1";
    static final String CHANGED_PASSWORD = "grace-changed-pass-2";
    static final String ADMIN_PASSWORD = "bootstrap-admin-pass-3";

    final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    final List<Http.Response> answers = new ArrayList<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    final Logger access = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
    Level rootBefore;
    Level accessBefore;
    TestApp app;

    @BeforeEach
    void capture() {
        lines.start();
        rootBefore = root.getLevel();
        accessBefore = access.getLevel();
        root.setLevel(Level.DEBUG);
        access.setLevel(Level.INFO);
        root.addAppender(lines);
        app = TestApp.start();
    }

    @AfterEach
    void release() {
        app.close();
        root.detachAppender(lines);
        root.setLevel(rootBefore);
        access.setLevel(accessBefore);
    }

    Http.Response keep(Http.Response r) {
        answers.add(r);
        return r;
    }

    @Test
    void neitherLogsNorAnswersCarryAPasswordOrHash() {
        Startup.prepare(app.injector(), true, Map.of(Startup.ADMIN_EMAIL, "root@example.com",
                Startup.ADMIN_PASSWORD, ADMIN_PASSWORD));
        Http anonymous = app.http();
        keep(anonymous.signIn(TestApp.GRACE, "a-wrong-password"));
        keep(anonymous.signIn("nobody@example.com", TestApp.PASSWORD));
        Http admin = app.signedIn(TestApp.ADMIN);
        Http wrongApi = new Http(app.url("")).withBasic(TestApp.ALAN, "a-wrong-password");
        keep(wrongApi.get("/api/v1/users"));
        keep(admin.get("/api/v1/users"));
        keep(admin.get("/api/v1/users/u-grace"));
        keep(admin.postJson("/api/v1/users", "{\"name\":\"Eve\",\"email\":\"eve@example.com\"}"));
        keep(admin.postJson("/api/v1/users/eve@example.com/password", "{\"password\":\"" + NEW_PASSWORD + "\"}"));
        keep(admin.postJson("/api/v1/users/eve@example.com/password", "{\"password\":\"x\"}"));
        keep(admin.postJson("/api/v1/users/eve@example.com/password", "{\"password\":" + NEW_PASSWORD + "}"));
        keep(admin.postForm("/users/u-alan/password", Map.of("password", NEW_PASSWORD)));
        keep(admin.postJson("/api/v1/reservations", booking("r-spree", "u-grace", "2026-03-02T10:00:00Z",
                "2026-03-02T11:00:00Z", "Audit", 1)));
        keep(admin.get("/api/v1/reservations"));
        Http grace = app.signedIn(TestApp.GRACE);
        keep(grace.postForm("/account/password", Map.of("current", TestApp.PASSWORD, "password", CHANGED_PASSWORD)));
        keep(grace.get("/account"));
        keep(grace.get("/users"));

        List<String> hashes = storedHashes();
        assertThat(hashes).hasSizeGreaterThanOrEqualTo(8);
        List<String> forbidden = new ArrayList<>(List.of(TestApp.PASSWORD, NEW_PASSWORD, CHANGED_PASSWORD,
                ADMIN_PASSWORD, "a-wrong-password", "pbkdf2", Http.basic(TestApp.ALAN, "a-wrong-password").substring(6),
                Http.basic(TestApp.ADMIN, TestApp.PASSWORD).substring(6)));
        forbidden.addAll(hashes);

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).as("the capture works")
                .anySatisfy(l -> assertThat(l).startsWith("POST /signin 401"))
                .anySatisfy(l -> assertThat(l).startsWith("admin bootstrap: root@example.com"));
        for (ILoggingEvent line : lines.list) {
            String text = line.getFormattedMessage() + (line.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(line.getThrowableProxy()));
            for (String secret : forbidden) {
                assertThat(text).as("log line " + line.getLoggerName()).doesNotContain(secret);
            }
        }
        for (Http.Response r : answers) {
            String text = r.body() + r.headers().map();
            for (String secret : forbidden) {
                assertThat(text).as("answer with status " + r.status()).doesNotContainIgnoringCase(secret);
            }
        }
    }

    /** The salt and hash parts of every stored password hash, as they would appear if leaked. */
    List<String> storedHashes() {
        var credentials = app.stores().credentials();
        List<String> parts = new ArrayList<>();
        for (String id : List.of("u-ada", "u-grace", "u-alan", "admin-root@example.com")) {
            credentials.find(id).map(PasswordHash::encode).ifPresent(encoded -> {
                String[] p = encoded.split("\\$");
                parts.add(p[2]);
                parts.add(p[3]);
            });
        }
        return parts;
    }
}
