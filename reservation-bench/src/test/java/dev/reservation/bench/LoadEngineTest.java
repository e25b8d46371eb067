package dev.reservation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The open loop's latency on a server that stalls once for a second, as a long GC pause would:
 * the closed loop hides the stall in a handful of samples, the open loop (latency from the
 * intended send time) shows it in its p99.
 */
class LoadEngineTest {
    private static final long STALL_MILLIS = 1_000;

    static {
        // without it the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private HttpServer server;
    private ExecutorService serverThread;
    private final AtomicBoolean stallArmed = new AtomicBoolean();
    private final AtomicLong armAfter = new AtomicLong(Long.MAX_VALUE);
    private HttpClient client;
    private URI uri;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        // one thread: while it stalls, nothing is answered, like a stop-the-world pause
        serverThread = Executors.newSingleThreadExecutor();
        server.setExecutor(serverThread);
        server.createContext("/", exchange -> {
            if (System.nanoTime() >= armAfter.get() && stallArmed.compareAndSet(true, false)) {
                try {
                    Thread.sleep(STALL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "ok".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x");
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverThread.shutdownNow();
    }

    private final LoadEngine.RequestSource source = n -> HttpRequest.newBuilder(uri).GET().build();

    private void stallOnceAfter(Duration delay) {
        armAfter.set(System.nanoTime() + delay.toNanos());
        stallArmed.set(true);
    }

    @Test
    void closedLoopHidesTheStallInItsP99() throws Exception {
        LoadEngine.closedLoop(client, source, new AtomicLong(), 2, Duration.ofMillis(500)); // warm
        stallOnceAfter(Duration.ofMillis(800));
        LoadEngine.Window w = LoadEngine.closedLoop(client, source, new AtomicLong(), 2, Duration.ofSeconds(4));

        assertThat(stallArmed).isFalse(); // the stall happened
        assertThat(w.latency().getMaxValue() / 1e6).isGreaterThanOrEqualTo(STALL_MILLIS * 0.9);
        // only the 2 requests in flight waited: far fewer than 1 % of the samples
        assertThat(w.latency().getValueAtPercentile(99) / 1e6).isLessThan(300);
        assertThat(w.non2xx()).isZero();
        assertThat(w.mode()).isEqualTo("closed");
    }

    @Test
    void openLoopCountsTheTimeRequestsWouldHaveQueuedBehindTheStall() throws Exception {
        LoadEngine.closedLoop(client, source, new AtomicLong(), 2, Duration.ofMillis(500)); // warm
        stallOnceAfter(Duration.ofMillis(800));
        LoadEngine.Window w = LoadEngine.openLoop(client, source, new AtomicLong(), 2, 200, Duration.ofSeconds(4));

        assertThat(stallArmed).isFalse();
        // ~200 of ~800 scheduled requests fell inside the stall; counted from their intended send
        // times they waited up to a second: p99 shows it
        assertThat(w.latency().getValueAtPercentile(99) / 1e6).isGreaterThan(700);
        assertThat(w.latency().getValueAtPercentile(90) / 1e6).isGreaterThan(100);
        // the service time (from the actual send) hides it just as the closed loop does
        assertThat(w.serviceTime().getValueAtPercentile(99) / 1e6).isLessThan(300);
        // the schedule was kept: about 200/s were answered
        assertThat(w.requests()).isBetween(700L, 810L);
        assertThat(w.notSent()).isZero();
        assertThat(w.mode()).isEqualTo("open");
    }

    @Test
    void openLoopKeepsItsRateOnAHealthyServer() throws Exception {
        LoadEngine.Window w = LoadEngine.openLoop(client, source, new AtomicLong(), 4, 400, Duration.ofSeconds(2));

        assertThat(w.throughput()).isBetween(340.0, 410.0);
        assertThat(w.completionsPerSecond()).hasSize(2);
        assertThat(w.errors()).isZero();
    }
}
