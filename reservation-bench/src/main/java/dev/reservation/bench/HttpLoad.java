package dev.reservation.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The HTTP load generator, run as its own process against the web app (or a peer) on loopback.
 * Closed loop by default; open loop (constant rate, latency corrected for coordinated omission
 * by measuring from the intended send time) with {@code --rate}. See {@link LoadEngine}.
 *
 * <p>Before measuring, it warms the server up in rounds of {@code --warmup-window} seconds until
 * two consecutive rounds' throughputs agree within {@code --warmup-tolerance} (15 % by default),
 * at most {@code --warmup-max-rounds} rounds; the rounds and whether they converged go into the
 * output. It always stops by itself. It writes one JSON document with what it measured.
 *
 * <pre>
 * HttpLoad --url http://127.0.0.1:8080 --scenario S --out FILE.json
 *          [--concurrency 16] [--duration 20] [--rate R]
 *          [--warmup-window 5] [--warmup-max-rounds 8] [--warmup-min-rounds 2] [--warmup-tolerance 0.15]
 *          [--auth email:password] [--path /x] [--room r-spree] [--date YYYY-MM-DD] [--first-slot-day N]
 *          [--label NAME]    (the scenario's name in the output; default the scenario)
 * HttpLoad session-cookie URL [email:password]    signs in and prints the session cookie (for wrk)
 * </pre>
 *
 * Scenarios: {@code ceiling} (GET /health/live, no sign-in: the server's own ceiling),
 * {@code api-rooms} (GET /api/v1/rooms, Basic auth), {@code html-rooms} (GET /rooms, signed in),
 * {@code day-page} (GET /rooms/{room}?view=day&date=D, signed in), {@code book-distinct} (POST a
 * booking of a slot no one else asks for), {@code contention} (groups of 16 requests race for one
 * slot), {@code get} (GET {@code --path}, Basic auth if {@code --auth}: for a peer system).
 * Booking scenarios start at {@code --first-slot-day} days from now and move forward 5 minutes
 * per 10 requests (book-distinct) or per 16 (contention): runs against the same store must be
 * given days far enough apart not to ask for each other's slots.
 */
public final class HttpLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A demo member of the embedded default (README): the load books and reads as a person would. */
    static final String DEMO_EMAIL = "grace@example.com";
    static final String DEMO_PASSWORD = "demo-password";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final List<String> ROOMS = List.of("r-spree", "r-havel", "r-tiergarten", "r-wannsee",
            "r-auditorium", "r-thames", "r-camden", "r-hudson", "r-brooklyn", "r-phonebooth-b1");

    private HttpLoad() {
    }

    enum Scenario {
        CEILING, API_ROOMS, HTML_ROOMS, DAY_PAGE, BOOK_DISTINCT, CONTENTION, GET;

        static Scenario of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        boolean signedInPage() {
            return this == HTML_ROOMS || this == DAY_PAGE;
        }
    }

    /** Everything one invocation was asked to do. */
    record Options(URI base, Scenario scenario, Path out, int concurrency, Duration duration, double rate,
                   Duration warmupWindow, int warmupMinRounds, int warmupMaxRounds, double warmupTolerance,
                   String email, String password, boolean authGiven, String path, String room, String date,
                   long firstSlotDay, String label) {

        static Options parse(String[] args) {
            Map<String, String> o = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --option value, got: " + args[i]);
                }
                o.put(args[i].substring(2), args[++i]);
            }
            for (String required : List.of("url", "scenario", "out")) {
                if (!o.containsKey(required)) {
                    throw new IllegalArgumentException("--" + required + " is required");
                }
            }
            String auth = o.get("auth");
            String email = DEMO_EMAIL;
            String password = DEMO_PASSWORD;
            if (auth != null && !auth.isEmpty()) {
                int colon = auth.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("--auth is user:password");
                }
                email = auth.substring(0, colon);
                password = auth.substring(colon + 1);
            }
            return new Options(URI.create(o.get("url")), Scenario.of(o.get("scenario")), Path.of(o.get("out")),
                    Integer.parseInt(o.getOrDefault("concurrency", "16")),
                    Duration.ofMillis((long) (Double.parseDouble(o.getOrDefault("duration", "20")) * 1000)),
                    Double.parseDouble(o.getOrDefault("rate", "0")),
                    Duration.ofMillis((long) (Double.parseDouble(o.getOrDefault("warmup-window", "5")) * 1000)),
                    Integer.parseInt(o.getOrDefault("warmup-min-rounds", "2")),
                    Integer.parseInt(o.getOrDefault("warmup-max-rounds", "8")),
                    Double.parseDouble(o.getOrDefault("warmup-tolerance", "0.15")),
                    email, password, auth != null && !auth.isEmpty(), o.getOrDefault("path", "/"),
                    o.getOrDefault("room", "r-spree"), o.get("date"),
                    Long.parseLong(o.getOrDefault("first-slot-day", "1")), o.get("label"));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("session-cookie")) {
            // for wrk: sign in once and print the session cookie as name=value
            String[] auth = (args.length > 2 ? args[2] : DEMO_EMAIL + ":" + DEMO_PASSWORD).split(":", 2);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager()).build();
            System.out.println(signIn(client, URI.create(args[1]), auth[0], auth[1]));
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("HttpLoad: " + e.getMessage() + "\nusage: HttpLoad --url URL --scenario "
                    + "ceiling|api-rooms|html-rooms|day-page|book-distinct|contention|get --out FILE.json"
                    + " [--concurrency 16] [--duration 20] [--rate R] [--warmup-window 5] [--warmup-max-rounds 8]"
                    + " [--warmup-min-rounds 2] [--warmup-tolerance 0.15] [--auth user:pass] [--path /x]"
                    + " [--room r-spree] [--date YYYY-MM-DD] [--first-slot-day 1] [--label NAME]");
            System.exit(2);
            return;
        }
        ObjectNode result = run(options);
        Files.writeString(options.out(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println(summary(result));
    }

    static ObjectNode run(Options options) throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "http-client");
            t.setDaemon(true);
            return t;
        });
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).cookieHandler(new CookieManager())
                    .executor(clientThreads).build();
            return run(options, client);
        } finally {
            clientThreads.shutdownNow();
        }
    }

    static ObjectNode run(Options o, HttpClient client) throws Exception {
        if (o.scenario().signedInPage()) {
            signIn(client, o.base(), o.email(), o.password());
        }
        Source source = new Source(o);
        AtomicLong sequence = new AtomicLong();
        ObjectNode out = JSON.createObjectNode();
        out.put("generator", "HttpLoad");
        out.put("scenario", o.label() == null ? o.scenario().id() : o.label());
        out.put("url", o.base().resolve(source.path()).toString());

        // warm-up: rounds until two consecutive ones agree, so the JIT has settled before measuring
        ObjectNode warmup = out.putObject("warmup");
        warmup.put("windowSeconds", o.warmupWindow().toMillis() / 1000.0);
        warmup.put("tolerance", o.warmupTolerance());
        warmup.put("maxRounds", o.warmupMaxRounds());
        ArrayNode rates = warmup.putArray("ratesPerSecond");
        boolean converged = false;
        double previous = -1;
        int rounds = 0;
        while (rounds < o.warmupMaxRounds()) {
            LoadEngine.Window w = o.rate() > 0
                    ? LoadEngine.openLoop(client, source, sequence, o.concurrency(), o.rate(), o.warmupWindow())
                    : LoadEngine.closedLoop(client, source, sequence, o.concurrency(), o.warmupWindow());
            rounds++;
            double rate = w.throughput();
            rates.add(round(rate, 1));
            if (previous > 0 && rounds >= o.warmupMinRounds() && agree(previous, rate, o.warmupTolerance())) {
                converged = true;
                break;
            }
            previous = rate;
        }
        warmup.put("rounds", rounds);
        warmup.put("converged", converged || o.warmupMaxRounds() == 0);
        warmup.put("criterion", o.warmupMaxRounds() == 0 ? "none" : "two consecutive rounds' throughputs within "
                + Math.round(o.warmupTolerance() * 100) + " %");

        // contention: the measured window starts with a fresh group of 16, and only its slots are counted
        sequence.set((sequence.get() + 15) / 16 * 16);
        source.measuringFrom(sequence.get());
        LoadEngine.Window w = o.rate() > 0
                ? LoadEngine.openLoop(client, source, sequence, o.concurrency(), o.rate(), o.duration())
                : LoadEngine.closedLoop(client, source, sequence, o.concurrency(), o.duration());
        describe(out, w);
        if (o.scenario() == Scenario.CONTENTION) {
            source.contention(out);
        }
        return out;
    }

    /** Whether two rates agree within the tolerance, relative to the larger. */
    static boolean agree(double a, double b, double tolerance) {
        double larger = Math.max(a, b);
        return larger > 0 && Math.abs(a - b) / larger <= tolerance;
    }

    static void describe(ObjectNode out, LoadEngine.Window w) {
        out.put("mode", w.mode());
        out.put("concurrency", w.concurrency());
        if (w.targetRate() > 0) {
            out.put("targetRatePerSecond", w.targetRate());
            out.put("latencyCorrection", "schedule-based: latency measured from each request's intended send"
                    + " time (constant-rate schedule), so waiting behind a stall counts");
        } else {
            out.put("latencyCorrection", "none (closed loop: latency from the actual send)");
        }
        out.put("durationSeconds", w.windowNanos() / 1e9);
        out.put("elapsedSeconds", round(w.elapsedNanos() / 1e9, 3));
        out.put("requests", w.requests());
        out.put("errors", w.errors());
        out.put("non2xx", w.non2xx());
        out.put("notSent", w.notSent());
        double rate = w.throughput();
        out.put("throughputPerSecond", round(rate, 2));
        long[] series = w.completionsPerSecond();
        ArrayNode perSecond = out.putArray("completionsPerSecond");
        for (long c : series) {
            perSecond.add(c);
        }
        out.put("throughputError", round(Stats.halfWidth999(series), 2));
        out.put("throughputErrorNote", "99.9 % confidence half-width over the per-second completions (Student t,"
                + " as JMH computes its error)");
        out.set("latencyMillis", percentiles(w.latency()));
        if (w.targetRate() > 0) {
            out.set("serviceTimeMillis", percentiles(w.serviceTime()));
        }
        // the flat keys older readers use
        out.put("p50Millis", w.latency().getValueAtPercentile(50) / 1e6);
        out.put("p99Millis", w.latency().getValueAtPercentile(99) / 1e6);
        out.put("maxMillis", w.latency().getMaxValue() / 1e6);
        ObjectNode byStatus = out.putObject("statuses");
        w.statuses().forEach((status, count) -> byStatus.put(String.valueOf(status), count));
    }

    static ObjectNode percentiles(Histogram h) {
        ObjectNode p = JSON.createObjectNode();
        p.put("p50", h.getValueAtPercentile(50) / 1e6);
        p.put("p90", h.getValueAtPercentile(90) / 1e6);
        p.put("p99", h.getValueAtPercentile(99) / 1e6);
        p.put("p999", h.getValueAtPercentile(99.9) / 1e6);
        p.put("max", h.getMaxValue() / 1e6);
        p.put("mean", round(h.getMean() / 1e6, 3));
        // 99.9 % bounds of the percentiles themselves (order statistics), for the verdicts
        for (double q : new double[] {0.50, 0.99}) {
            double[] b = Stats.quantileBounds(q, h.getTotalCount());
            String key = q == 0.50 ? "p50" : "p99";
            p.put(key + "Low", h.getValueAtPercentile(b[0] * 100) / 1e6);
            p.put(key + "High", h.getValueAtPercentile(b[1] * 100) / 1e6);
        }
        p.put("samples", h.getTotalCount());
        return p;
    }

    private static String summary(ObjectNode r) {
        return String.format(Locale.ROOT, "%s %s c=%d%s: %.0f req/s ± %.0f, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms,"
                        + " max %.1f ms, errors %d, non-2xx %d, warm-up %d round(s)%s",
                r.path("scenario").asText(), r.path("mode").asText(), r.path("concurrency").asInt(),
                r.has("targetRatePerSecond") ? String.format(Locale.ROOT, " rate=%.0f/s",
                        r.path("targetRatePerSecond").asDouble()) : "",
                r.path("throughputPerSecond").asDouble(), r.path("throughputError").asDouble(),
                r.path("latencyMillis").path("p50").asDouble(), r.path("latencyMillis").path("p99").asDouble(),
                r.path("latencyMillis").path("p999").asDouble(), r.path("latencyMillis").path("max").asDouble(),
                r.path("errors").asLong(), r.path("non2xx").asLong(), r.path("warmup").path("rounds").asInt(),
                r.path("warmup").path("converged").asBoolean() ? "" : " (NOT converged)");
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** The requests of one scenario. Thread-safe. */
    private static final class Source implements LoadEngine.RequestSource {
        private final Options o;
        private final String basic;
        private final Instant firstSlot;
        private final Map<Long, LongAdder> winnersPerRound = new ConcurrentHashMap<>();
        private final AtomicLong highest = new AtomicLong(-1);
        private volatile long firstMeasuredRound;

        Source(Options o) {
            this.o = o;
            this.basic = "Basic " + Base64.getEncoder()
                    .encodeToString((o.email() + ":" + o.password()).getBytes(StandardCharsets.UTF_8));
            this.firstSlot = Instant.now().plus(Duration.ofDays(o.firstSlotDay())).truncatedTo(ChronoUnit.HOURS);
        }

        String path() {
            return switch (o.scenario()) {
                case CEILING -> "/health/live";
                case API_ROOMS -> "/api/v1/rooms";
                case HTML_ROOMS -> "/rooms";
                case DAY_PAGE -> "/rooms/" + o.room() + "?view=day" + (o.date() == null ? "" : "&date=" + o.date());
                case BOOK_DISTINCT, CONTENTION -> "/api/v1/reservations";
                case GET -> o.path();
            };
        }

        @Override
        public HttpRequest request(long n) {
            return switch (o.scenario()) {
                case CEILING, HTML_ROOMS, DAY_PAGE -> HttpRequest.newBuilder(o.base().resolve(path()))
                        .timeout(Duration.ofSeconds(30)).GET().build();
                case API_ROOMS -> get(path(), true);
                case GET -> get(path(), o.authGiven());
                case BOOK_DISTINCT -> book(ROOMS.get((int) (n % ROOMS.size())),
                        firstSlot.plus(Duration.ofMinutes(5 * (n / ROOMS.size()))));
                case CONTENTION -> {
                    // groups of 16 consecutive requests ask for one slot: every request races with others
                    long round = n / 16;
                    highest.accumulateAndGet(round, Math::max);
                    yield book("r-tiergarten", firstSlot.plus(Duration.ofMinutes(5 * round)));
                }
            };
        }

        void measuringFrom(long n) {
            firstMeasuredRound = n / 16;
        }

        @Override
        public void answered(long n, int status) {
            if (o.scenario() == Scenario.CONTENTION && status == 201 && n / 16 >= firstMeasuredRound) {
                winnersPerRound.computeIfAbsent(n / 16, k -> new LongAdder()).increment();
            }
        }

        void contention(ObjectNode out) {
            out.put("slotsContended", Math.max(0, highest.get() + 1 - firstMeasuredRound));
            // the warm-up's slots were counted while firstMeasuredRound was still 0: leave them out
            List<Long> winners = winnersPerRound.entrySet().stream().filter(e -> e.getKey() >= firstMeasuredRound)
                    .map(e -> e.getValue().sum()).toList();
            out.put("slotsWithOneWinner", winners.stream().filter(c -> c == 1).count());
            out.put("slotsWithSeveralWinners", winners.stream().filter(c -> c > 1).count());
        }

        private HttpRequest get(String p, boolean auth) {
            HttpRequest.Builder b = HttpRequest.newBuilder(o.base().resolve(p)).timeout(Duration.ofSeconds(30)).GET();
            if (auth) {
                b.header("Authorization", basic);
            }
            return b.build();
        }

        private HttpRequest book(String roomId, Instant start) {
            String body = "{\"roomId\":\"" + roomId + "\",\"userId\":\"u-grace\",\"start\":\"" + start
                    + "\",\"end\":\"" + start.plus(Duration.ofMinutes(5)) + "\",\"title\":\"Load test\",\"attendees\":1}";
            return HttpRequest.newBuilder(o.base().resolve("/api/v1/reservations")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", basic)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }
    }

    /**
     * Signs in through the page as a person would (CSRF token from the form); the session cookie
     * stays in the client. Returns the session cookie's {@code name=value}, for other generators.
     */
    static String signIn(HttpClient client, URI base, String email, String password)
            throws IOException, InterruptedException {
        String form = client.send(HttpRequest.newBuilder(base.resolve("/signin")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF_FIELD.matcher(form);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String body = "_csrf=" + encode(token.group(1)) + "&next=%2Frooms&email=" + encode(email)
                + "&password=" + encode(password);
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(base.resolve("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("sign-in refused: HTTP " + response.statusCode());
        }
        List<String> cookies = new ArrayList<>();
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith("session=")) {
                cookies.add(header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';')));
            }
        }
        if (cookies.isEmpty()) {
            throw new IllegalStateException("sign-in set no session cookie (HTTP " + response.statusCode() + ")");
        }
        return cookies.get(cookies.size() - 1);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
