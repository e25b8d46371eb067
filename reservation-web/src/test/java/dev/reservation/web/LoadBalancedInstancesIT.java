package dev.reservation.web;

import static dev.reservation.web.support.JsonAssert.booking;
import static dev.reservation.web.support.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reservation.mongo.audit.Invariants;
import dev.reservation.mongo.audit.StoredState;
import dev.reservation.mongo.audit.StoredState.StoredReservation;
import dev.reservation.rig.ReplicationRig;
import dev.reservation.web.support.AppProcess;
import dev.reservation.web.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two app instances, each its own process, behind a real HAProxy (round robin, no stickiness), on
 * one store (the replication rig, a SIMULATION of a PSA set, in this JVM). Users sign in, a booking
 * load runs, one instance is killed with SIGKILL mid-load and started again. Nobody is signed out;
 * every booking ends with its true answer (a request cut off at the client is retried with the same
 * Idempotency-Key, which returns the original booking); the final state read raw has no double
 * booking, no acknowledged booking missing and no refused one present. Needs {@code haproxy}
 * (Debian package; {@code .ci/run} installs it) and skips, saying so, without it.
 */
class LoadBalancedInstancesIT {
    private static final String ADMIN = "root@example.com";
    private static final String ADMIN_PASSWORD = "lb-root-passw0rd";
    private static final String MEMBER_PASSWORD = "lb-member-passw0rd";

    private final List<AutoCloseable> open = new ArrayList<>();
    private Path dir;

    @AfterEach
    void stopAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean haproxyPresent() {
        try {
            return new ProcessBuilder("haproxy", "-v").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Process haproxy(int port, int a, int b) throws IOException {
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, String.join("\n",
                "global", "  maxconn 512",
                "defaults", "  mode http", "  timeout connect 2s", "  timeout client 30s", "  timeout server 30s",
                "  retries 2", "  option redispatch",
                "frontend web", "  bind 127.0.0.1:" + port, "  default_backend apps",
                "backend apps", "  balance roundrobin", "  option httpchk GET /health/ready",
                "  default-server inter 300ms fall 2 rise 2",
                "  server a 127.0.0.1:" + a + " check", "  server b 127.0.0.1:" + b + " check", ""));
        Process p = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("haproxy.log").toFile())).start();
        open.add(p::destroyForcibly);
        return p;
    }

    private record Answer(String key, int status, String reservationId) {
    }

    @Test
    void losingAnInstanceMidLoadSignsNobodyOutAndLosesNothing() throws Exception {
        assumeTrue(haproxyPresent(), "needs haproxy on the PATH (Debian package haproxy; .ci/run installs it)");
        dir = Files.createTempDirectory("lb-it");
        ReplicationRig rig = ReplicationRig.start();
        open.add(rig);
        Map<String, String> env = Map.of("RESERVATION_ADMIN_EMAIL", ADMIN, "RESERVATION_ADMIN_PASSWORD", ADMIN_PASSWORD);
        List<String> args = List.of("--mongo-uri", rig.connectionString(), "--trusted-proxy", "127.0.0.1");
        AppProcess a = new AppProcess(freePort(), args, env, dir.resolve("a.log"));
        AppProcess b = new AppProcess(freePort(), args, env, dir.resolve("b.log"));
        open.add(a);
        open.add(b);
        a.start();
        b.start();
        a.awaitReady(Duration.ofSeconds(120));
        b.awaitReady(Duration.ofSeconds(120));
        int lb = freePort();
        haproxy(lb, a.port(), b.port());
        String base = "http://127.0.0.1:" + lb;
        awaitUp(base);

        Http admin = new Http(base).withBasic(ADMIN, ADMIN_PASSWORD);
        String room = json(admin.postJson("/api/v1/rooms", "{\"name\":\"Elbe\",\"location\":\"Hamburg\",\"capacity\":8,"
                + "\"equipment\":[],\"zone\":\"Europe/Berlin\"}")).get("id").asText();
        List<Http> browsers = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = "member" + i + "@example.com";
            String id = json(admin.postJson("/api/v1/users", "{\"name\":\"Member " + i + "\",\"email\":\"" + email
                    + "\"}")).get("id").asText();
            assertThat(admin.postJson("/api/v1/users/" + id + "/password", "{\"password\":\"" + MEMBER_PASSWORD + "\"}")
                    .status()).isEqualTo(204);
            members.add(id);
            Http browser = new Http(base);
            assertThat(browser.signIn(email, MEMBER_PASSWORD).status()).isEqualTo(303);
            browsers.add(browser);
        }

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger signedOut = new AtomicInteger();
        AtomicInteger pageReads = new AtomicInteger();
        AtomicInteger cutOff = new AtomicInteger();
        Map<String, Answer> answers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(7);
        List<Future<?>> work = new ArrayList<>();
        Instant firstSlot = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS);
        for (Http browser : browsers) {
            work.add(pool.submit(() -> {
                while (running.get()) {
                    int status = status(() -> browser.get("/reservations"));
                    if (status == 303) {
                        signedOut.incrementAndGet();
                    } else if (status == 200) {
                        pageReads.incrementAndGet();
                    }
                    sleep(100);
                }
                return null;
            }));
        }
        for (int c = 0; c < 4; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                Random random = new Random(client);
                for (int i = 0; running.get(); i++) {
                    String key = "lb-" + client + "-" + i;
                    Instant start = firstSlot.plus(Duration.ofMinutes(15L * random.nextInt(160)));
                    String body = booking(room, members.get(client % 3), start.toString(),
                            start.plus(Duration.ofMinutes(30)).toString(), "Load " + key, 2);
                    answers.put(key, book(admin, body, key, cutOff));
                }
                return null;
            }));
        }
        sleep(5_000);
        a.kill();
        sleep(4_000);
        a.start().awaitReady(Duration.ofSeconds(120));
        sleep(4_000);
        running.set(false);
        for (Future<?> f : work) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(signedOut).as("page requests that found their user signed out").hasValue(0);
        assertThat(pageReads.get()).isPositive();
        assertThat(answers.values()).extracting(Answer::status).as("every booking's final answer")
                .allMatch(s -> s == 201 || s == 409);
        assertThat(answers.values()).filteredOn(x -> x.status() == 201).isNotEmpty();

        assertThat(rig.awaitReplicated(Duration.ofSeconds(10))).isTrue();
        StoredState state = StoredState.read(rig.connectionString(), "reservations");
        assertThat(Invariants.check(state).violations()).as("double bookings and claims").isEmpty();
        Map<String, StoredReservation> confirmedByKey = state.reservations().stream().filter(StoredReservation::confirmed)
                .filter(r -> r.idempotencyKey() != null)
                .collect(Collectors.toMap(StoredReservation::idempotencyKey, r -> r));
        for (Answer x : answers.values()) {
            if (x.status() == 201) {
                assertThat(confirmedByKey.get(x.key())).as("acknowledged booking " + x.key()).isNotNull()
                        .extracting(StoredReservation::id).isEqualTo(x.reservationId());
            } else {
                assertThat(confirmedByKey).as("refused booking " + x.key()).doesNotContainKey(x.key());
            }
        }
        Set<String> unexpected = confirmedByKey.keySet().stream().filter(k -> !answers.containsKey(k))
                .collect(Collectors.toSet());
        assertThat(unexpected).as("stored bookings no client asked for").isEmpty();
        System.out.printf("load balancer test: %d bookings (%d booked), %d page reads, %d requests cut off and retried%n",
                answers.size(), answers.values().stream().filter(x -> x.status() == 201).count(), pageReads.get(),
                cutOff.get());
    }

    /** Books, retrying with the same key while the answer is not a true one (502/503/504 or a cut connection). */
    private static Answer book(Http http, String body, String key, AtomicInteger cutOff) {
        for (int attempt = 0; attempt < 60; attempt++) {
            Http.Response r;
            try {
                r = http.postJson("/api/v1/reservations", body, "Idempotency-Key", key);
            } catch (UncheckedIOException e) {
                cutOff.incrementAndGet();
                sleep(200);
                continue;
            }
            if (r.status() == 201) {
                return new Answer(key, 201, json(r).get("id").asText());
            }
            if (r.status() == 502 || r.status() == 503 || r.status() == 504) {
                cutOff.incrementAndGet();
                sleep(200);
                continue;
            }
            return new Answer(key, r.status(), null);
        }
        return new Answer(key, -1, null);
    }

    private interface Call {
        Http.Response run();
    }

    private static int status(Call call) {
        try {
            return call.run().status();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    private static void awaitUp(String base) {
        Http http = new Http(base);
        for (int i = 0; i < 100; i++) {
            if (status(() -> http.get("/health/ready")) == 200) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("the load balancer did not come up");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
