package dev.reservation.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop HTTP load generator, run as its own process against the web app on loopback:
 * {@code concurrency} workers each send the scenario's next request as soon as the previous one is
 * answered, for {@code duration} (bounded: it always stops by itself). Latency goes into an
 * HdrHistogram; statuses are counted. Writes one JSON document with what it measured.
 *
 * <p>Usage: {@code HttpLoad <baseUrl> <scenario> <concurrency> <durationSeconds> <out.json>} with
 * scenario one of {@code api-rooms}, {@code html-rooms}, {@code book-distinct}, {@code contention}.
 */
public final class HttpLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A demo member of the embedded default (README): the load books and reads as a person would. */
    private static final String EMAIL = "grace@example.com";
    private static final String PASSWORD = "demo-password";
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((EMAIL + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final List<String> ROOMS = List.of("r-spree", "r-havel", "r-tiergarten", "r-wannsee",
            "r-auditorium", "r-thames", "r-camden", "r-hudson", "r-brooklyn", "r-phonebooth-b1");

    private HttpLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: HttpLoad <baseUrl> <api-rooms|html-rooms|book-distinct|contention> "
                    + "<concurrency> <durationSeconds> <out.json>");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        Scenario scenario = Scenario.valueOf(args[1].toUpperCase().replace('-', '_'));
        int concurrency = Integer.parseInt(args[2]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[3]));
        ObjectNode result = run(base, scenario, concurrency, duration);
        Files.writeString(Path.of(args[4]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println(result);
    }

    enum Scenario { API_ROOMS, HTML_ROOMS, BOOK_DISTINCT, CONTENTION }

    static ObjectNode run(URI base, Scenario scenario, int concurrency, Duration duration) throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(2);
        try {
            return run(base, scenario, concurrency, duration, HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5)).cookieHandler(new CookieManager())
                    .executor(clientThreads).build());
        } finally {
            clientThreads.shutdownNow(); // non-daemon threads: left running, they keep the JVM alive
        }
    }

    private static ObjectNode run(URI base, Scenario scenario, int concurrency, Duration duration, HttpClient client)
            throws Exception {
        if (scenario == Scenario.HTML_ROOMS) {
            signIn(client, base);
        }
        Recorder latency = new Recorder(TimeUnit.SECONDS.toNanos(30), 3);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder errors = new LongAdder();
        AtomicLong sequence = new AtomicLong();
        Map<String, LongAdder> winnersPerSlot = new ConcurrentHashMap<>();
        Instant firstSlot = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        long deadline = System.nanoTime() + duration.toNanos();

        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            futures.add(workers.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long n = sequence.getAndIncrement();
                    String slotKey = null;
                    HttpRequest request;
                    switch (scenario) {
                        case API_ROOMS -> request = get(base, "/api/v1/rooms");
                        case HTML_ROOMS -> request = get(base, "/rooms");
                        case BOOK_DISTINCT -> request = book(base, ROOMS.get((int) (n % ROOMS.size())),
                                firstSlot.plus(Duration.ofMinutes(5 * (n / ROOMS.size()))));
                        default -> {
                            // 64 clients, 4 slots in one room at a time: every request races with others
                            long round = n / 16;
                            slotKey = "r-tiergarten@" + round;
                            request = book(base, "r-tiergarten",
                                    firstSlot.plus(Duration.ofDays(90)).plus(Duration.ofMinutes(5 * round)));
                        }
                    }
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        latency.recordValue(System.nanoTime() - start);
                        statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
                        if (slotKey != null && response.statusCode() == 201) {
                            winnersPerSlot.computeIfAbsent(slotKey, k -> new LongAdder()).increment();
                        }
                    } catch (IOException e) {
                        errors.increment();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
        }
        workers.shutdownNow();
        long elapsedNanos = duration.toNanos();
        var histogram = latency.getIntervalHistogram();

        ObjectNode out = JSON.createObjectNode();
        out.put("scenario", scenario.name().toLowerCase().replace('_', '-'));
        out.put("concurrency", concurrency);
        out.put("durationSeconds", duration.toSeconds());
        out.put("requests", histogram.getTotalCount());
        out.put("errors", errors.sum());
        out.put("throughputPerSecond", histogram.getTotalCount() / (elapsedNanos / 1e9));
        out.put("p50Millis", histogram.getValueAtPercentile(50) / 1e6);
        out.put("p99Millis", histogram.getValueAtPercentile(99) / 1e6);
        out.put("maxMillis", histogram.getMaxValue() / 1e6);
        ObjectNode byStatus = out.putObject("statuses");
        statuses.forEach((status, count) -> byStatus.put(String.valueOf(status), count.sum()));
        if (scenario == Scenario.CONTENTION) {
            long slots = (sequence.get() + 15) / 16;
            long multiWinner = winnersPerSlot.values().stream().filter(c -> c.sum() > 1).count();
            out.put("slotsContended", slots);
            out.put("slotsWithOneWinner", winnersPerSlot.values().stream().filter(c -> c.sum() == 1).count());
            out.put("slotsWithSeveralWinners", multiWinner);
        }
        return out;
    }

    /** Signs in through the page as a person would (CSRF token from the form); the session cookie stays in the client. */
    private static void signIn(HttpClient client, URI base) throws IOException, InterruptedException {
        String form = client.send(HttpRequest.newBuilder(base.resolve("/signin")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF_FIELD.matcher(form);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String body = "_csrf=" + encode(token.group(1)) + "&next=%2Frooms&email=" + encode(EMAIL)
                + "&password=" + encode(PASSWORD);
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(base.resolve("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("sign-in refused: HTTP " + response.statusCode());
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpRequest get(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", BASIC).GET().build();
    }

    private static HttpRequest book(URI base, String roomId, Instant start) {
        String body = "{\"roomId\":\"" + roomId + "\",\"userId\":\"u-grace\",\"start\":\"" + start
                + "\",\"end\":\"" + start.plus(Duration.ofMinutes(5)) + "\",\"title\":\"Load test\",\"attendees\":1}";
        return HttpRequest.newBuilder(base.resolve("/api/v1/reservations")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", BASIC)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
