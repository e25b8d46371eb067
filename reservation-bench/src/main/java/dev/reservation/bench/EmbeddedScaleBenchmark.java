package dev.reservation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.embedded.EmbeddedServerMain;
import dev.reservation.mongo.internal.BulkLoad;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The embedded default at scale: fills one embedded store (the H2 MVStore file backend, served by
 * {@link EmbeddedServerMain} as its own OS process, as the failover harness runs it) to each of the
 * given sizes and measures, at each size, the store calls behind the pages: a room's day and week
 * schedule (the {@code find} that {@code ReservationService#schedule} makes), booking a free slot
 * ({@code ReservationStore#book}, the full claim protocol), a user's week, the reservations list
 * page with no filter, and the free-room finder ({@code busyRooms} across every room); then the
 * data file's size after the store's own start-up (restart = compaction point) and the server's
 * resident memory. A main with warm-up, not JMH: every size builds on the previous fill.
 *
 * <p>The fill is fast and faithful: reservation documents and their room-day claim buckets go
 * straight into the server with the driver's {@code insertMany} ({@link BulkLoad}: what booking
 * them one by one would leave, the protocol's invariants checked). The world: {@code rooms} rooms
 * (UTC), each booked hourly 08:00–16:00 every day from 2030-01-07 on, by {@code users} users; one
 * reservation in 20 is cancelled; every one carries an idempotency key, as web bookings do.
 *
 * <p>Each operation runs closed-loop on one thread: {@code warmup} seconds discarded, then
 * {@code measure} seconds recorded in an HdrHistogram. Usage:
 * {@code EmbeddedScaleBenchmark [--sizes 0,10000,100000,1000000] [--warmup 5] [--measure 10]
 * [--out benchmarks/raw/embedded-scale] [--server-jvm "-Xmx256m ..."]}; writes {@code OUT.json}
 * (every figure) and {@code OUT.txt} (a table of the same).
 *
 * <p>{@code EmbeddedScaleBenchmark --summarize SUMMARY.json RUN.json...} combines runs (each a
 * separate process: a "fork") into the shape {@code BenchmarkResults} reads: {@code bookingsEmpty},
 * {@code bookingsAt1e6} (only when the runs measured 1,000,000 reservations) and
 * {@code diskBytesPerReservation} (at the largest size measured), {@code rssKbAt1e5} (the
 * server's resident memory after the operations at 10^5 stored, with {@code highestPeak}, the
 * highest peak any run reached there), each the mean over the runs with the half-width of its
 * 99.9 % interval as {@code error} (Student t, as JMH; absent with one run), plus every size's
 * booking, day-page and user-list rates and the runs themselves. The two booking figures are
 * scored as JMH scores: every run's measured window is also counted in one-second iterations, and
 * the mean and interval are over all runs' iterations pooled (runs written before iterations were
 * kept: over the runs' means). With three runs the t of their means is 31.6, that of thirty
 * iterations 3.7.
 */
public final class EmbeddedScaleBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Instant DAY0 = Instant.parse("2030-01-07T00:00:00Z");
    static final int SLOTS_PER_ROOM_DAY = 8;
    static final Duration BOOK_LENGTH = Duration.ofMinutes(5);
    /** The measured window of an operation is also counted in iterations this long (as JMH's). */
    static final Duration ITERATION = Duration.ofSeconds(1);
    static final int EVENING_SLOTS = 72; // 18:00–24:00 in 5-minute slots, never used by the fill

    private final List<Integer> sizes;
    private final Duration warmup;
    private final Duration measure;
    private final Path out;
    private final List<String> serverJvm;
    private final int rooms;
    private final int users;
    private final Random random = new Random(42);
    private final Set<Long> booked = new HashSet<>();
    private long nextBooking;

    private EmbeddedScaleBenchmark(List<Integer> sizes, Duration warmup, Duration measure, Path out,
                                   List<String> serverJvm, int rooms, int users) {
        this.sizes = sizes;
        this.warmup = warmup;
        this.measure = measure;
        this.out = out;
        this.serverJvm = serverJvm;
        this.rooms = rooms;
        this.users = users;
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("--summarize")) {
            List<Path> runs = Arrays.stream(args).skip(2).map(Path::of).toList();
            Files.writeString(Path.of(args[1]), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(summarize(runs)));
            return;
        }
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        List<Integer> sizes = Arrays.stream(opts.getOrDefault("--sizes", "0,10000,100000,1000000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        Duration warmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("--warmup", "5")));
        Duration measure = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("--measure", "10")));
        Path out = Path.of(opts.getOrDefault("--out", "benchmarks/raw/embedded-scale"));
        List<String> jvm = Arrays.stream(opts.getOrDefault("--server-jvm", "").split(" "))
                .filter(s -> !s.isBlank()).toList();
        int rooms = Integer.parseInt(opts.getOrDefault("--rooms", "50"));
        int users = Integer.parseInt(opts.getOrDefault("--users", "1000"));
        new EmbeddedScaleBenchmark(sizes, warmup, measure, out, jvm, rooms, users).run();
    }

    private void run() throws Exception {
        Path dataDir = Files.createTempDirectory("embedded-scale");
        ObjectNode report = JSON.createObjectNode();
        report.put("benchmark", "EmbeddedScaleBenchmark");
        report.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.put("startedAt", Instant.now().toString());
        report.put("warmupSeconds", warmup.toSeconds());
        report.put("measureSeconds", measure.toSeconds());
        report.put("rooms", rooms);
        report.put("users", users);
        report.put("serverJvmArgs", String.join(" ", serverJvm));
        ArrayNode results = report.putArray("sizes");
        int filled = 0;
        Server[] running = {Server.start(dataDir, serverJvm)};
        Thread cleanup = new Thread(() -> {
            running[0].process().destroy(); // a SIGTERM to the benchmark stops its server too
        }, "stop-embedded-server");
        Runtime.getRuntime().addShutdownHook(cleanup);
        Server server = running[0];
        try {
            openStoresAndCatalog(server, dataDir);
            for (int size : sizes) {
                ObjectNode r = results.addObject();
                r.put("reservations", size);
                long t0 = System.nanoTime();
                fill(server, dataDir, filled, size);
                double fillSeconds = (System.nanoTime() - t0) / 1e9;
                r.put("fillSeconds", round(fillSeconds));
                r.put("fillPerSecond", size > filled ? Math.round((size - filled) / fillSeconds) : 0);
                filled = Math.max(filled, size);
                r.put("fileBytesAfterFill", fileSize(dataDir));

                long stop0 = System.nanoTime();
                r.put("stopForced", server.stop());
                r.put("stopMillis", Math.round((System.nanoTime() - stop0) / 1e6));
                r.put("fileBytesAfterCleanStop", fileSize(dataDir));
                long s0 = System.nanoTime();
                server = Server.start(dataDir, serverJvm);
                running[0] = server;
                r.put("startupMillis", Math.round((System.nanoTime() - s0) / 1e6));
                long afterStart = fileSize(dataDir);
                r.put("fileBytesAfterStartup", afterStart);
                r.put("diskBytesPerReservation", size == 0 ? 0 : Math.round((double) afterStart / size));
                r.put("rssKbAfterStartup", server.status("VmRSS"));

                try (Session s = Session.open(dataDir)) {
                    measureAll(r.putObject("ops"), s, size);
                }
                r.put("rssKbAfterOps", server.status("VmRSS"));
                r.put("peakRssKbSinceStartup", server.status("VmHWM"));
                r.put("fileBytesAfterOps", fileSize(dataDir));
                System.err.println(r.toPrettyString());
                write(report);
            }
        } finally {
            server.stop();
            deleteTree(dataDir);
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        report.put("finishedAt", Instant.now().toString());
        write(report);
    }

    /** Rooms and users exist before the first size; they are not counted as reservations. */
    private void openStoresAndCatalog(Server server, Path dataDir) {
        try (Session s = Session.open(dataDir)) {
            for (int i = 0; i < rooms; i++) {
                s.stores.rooms().insert(new Room(room(i), "Room " + i, "Floor " + (i % 5), 4 + i % 12,
                        Set.of(Equipment.WHITEBOARD), ZoneOffset.UTC));
            }
            for (int i = 0; i < users; i++) {
                s.stores.users().insert(new User(user(i), "User " + i, "user" + i + "@example.com", Role.MEMBER));
            }
        }
    }

    private void fill(Server server, Path dataDir, int from, int to) {
        if (to <= from) {
            return;
        }
        try (MongoClient client = MongoClients.create(server.uri())) {
            var db = client.getDatabase(StoreOptions.DEFAULT_DATABASE);
            int perDay = rooms * SLOTS_PER_ROOM_DAY;
            for (int start = from; start < to; ) {
                // whole days per load, so no load adds claims to a bucket an earlier one wrote
                int end = Math.min(to, start + Math.max(perDay, (50_000 / perDay) * perDay));
                List<Reservation> batch = new ArrayList<>(end - start);
                for (int i = start; i < end; i++) {
                    batch.add(reservation(i));
                }
                BulkLoad.insert(db, batch, DAY0.minus(Duration.ofDays(30)));
                start = end;
            }
        }
    }

    private Reservation reservation(int i) {
        int perDay = rooms * SLOTS_PER_ROOM_DAY;
        int day = i / perDay;
        int j = i % perDay;
        Instant start = DAY0.plus(Duration.ofDays(day)).plus(Duration.ofHours(8 + j / rooms));
        String userId = user((int) ((i * 7919L) % users));
        Instant created = DAY0.minus(Duration.ofDays(30));
        boolean cancelled = i % 20 == 19;
        return new Reservation(String.format("%08x%016x", 0x5e000000, i), room(j % rooms), userId,
                TimeSlot.of(start, Duration.ofHours(1)), "Meeting " + i, 1 + i % 8,
                cancelled ? ReservationStatus.CANCELLED : ReservationStatus.CONFIRMED, created, userId,
                cancelled ? created.plus(Duration.ofHours(1)) : null, cancelled ? userId : null, cancelled ? 1 : 0,
                "bulk-" + i);
    }

    private int daysFilled(int size) {
        return Math.max(1, (size + rooms * SLOTS_PER_ROOM_DAY - 1) / (rooms * SLOTS_PER_ROOM_DAY));
    }

    private void measureAll(ObjectNode ops, Session s, int size) {
        int days = daysFilled(size);
        warmAfterStart(s, days);
        // on the empty store, book in days no fill ever reaches; else in the filled days' evenings
        int bookingFirstDay = size == 0 ? 100_000 : 0;
        int bookingDays = size == 0 ? 30 : days;
        List<String> roomIds = Stream.iterate(0, i -> i + 1).limit(rooms).map(EmbeddedScaleBenchmark::room).toList();
        ops.set("roomDaySchedule", op(() -> {
            int d = random.nextInt(days);
            return s.stores.reservations().find(ReservationQuery.all().room(room(random.nextInt(rooms))).confirmedOnly()
                    .window(day(d), day(d + 1))).size();
        }));
        ops.set("roomWeekSchedule", op(() -> {
            Instant first = day(random.nextInt(days));
            return s.stores.reservations().find(ReservationQuery.all().room(room(random.nextInt(rooms))).confirmedOnly()
                    .window(first, first.plus(Duration.ofDays(7)))).size();
        }));
        ops.set("userWeek", op(() -> {
            Instant first = day(random.nextInt(days));
            return s.stores.reservations().find(ReservationQuery.all().user(user(random.nextInt(users)))
                    .window(first, first.plus(Duration.ofDays(7)))).size();
        }));
        ops.set("listPageNoFilter", op(() -> s.stores.reservations().find(ReservationQuery.all().limit(501)).size()));
        ops.set("busyRoomsAllRooms", op(() -> {
            Instant at = day(random.nextInt(days)).plus(Duration.ofHours(8 + random.nextInt(SLOTS_PER_ROOM_DAY)));
            return s.stores.reservations().busyRooms(TimeSlot.of(at, Duration.ofMinutes(30)), roomIds).size();
        }));
        // last: its bookings add to the store the other operations read
        ops.set("book", op(() -> {
            BookingOutcome outcome = s.stores.reservations().book(freeCandidate(bookingFirstDay, bookingDays));
            if (!(outcome instanceof BookingOutcome.Booked)) {
                throw new IllegalStateException("a free slot was not booked: " + outcome);
            }
            return 1;
        }));
    }

    /**
     * The server was just restarted (cold JIT, cold page cache): every read operation in turn for
     * the warm-up time before any is measured (each then has its own warm-up too).
     */
    private void warmAfterStart(Session s, int days) {
        long end = System.nanoTime() + warmup.toNanos();
        var store = s.stores.reservations();
        while (System.nanoTime() < end) {
            Instant d = day(random.nextInt(days));
            store.find(ReservationQuery.all().room(room(random.nextInt(rooms))).confirmedOnly().window(d, d.plus(Duration.ofDays(7))));
            store.find(ReservationQuery.all().user(user(random.nextInt(users))).window(d, d.plus(Duration.ofDays(7))));
            store.find(ReservationQuery.all().limit(501));
        }
    }

    /** A candidate for a slot nobody holds: 5 minutes in an evening the fill never books. */
    private Reservation freeCandidate(int firstDay, int days) {
        while (true) {
            long k = nextBooking++;
            int room = (int) (k % rooms);
            long q = k / rooms;
            int day = firstDay + (int) (q % days);
            int slot = (int) ((q / days) % EVENING_SLOTS);
            long key = ((long) room * 10_000_000L + day) * 100 + slot;
            if (booked.add(key)) {
                Instant start = day(day).plus(Duration.ofHours(18)).plus(BOOK_LENGTH.multipliedBy(slot));
                return Reservation.confirmed(String.format("%08x%016x", 0x6a000000, k), room(room), user((int) (k % users)),
                        TimeSlot.of(start, BOOK_LENGTH), "Bench booking", 2, Instant.now(), "bench-" + k);
            }
        }
    }

    private ObjectNode op(IntSupplier call) {
        long warmEnd = System.nanoTime() + warmup.toNanos();
        while (System.nanoTime() < warmEnd) {
            try {
                call.getAsInt();
            } catch (RuntimeException e) {
                System.err.println("warm-up call failed: " + e);
            }
        }
        Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long results = 0;
        long begin = System.nanoTime();
        long end = begin + measure.toNanos();
        long now = begin;
        int count = 0;
        int errors = 0;
        String lastError = null;
        // JMH's iterations: the window's calls counted per ITERATION, each iteration's rate kept
        ArrayNode iterations = JSON.createArrayNode();
        long iterationStart = begin;
        int iterationCount = 0;
        while (now < end || count < 3) {
            long t0 = System.nanoTime();
            try {
                results += call.getAsInt();
            } catch (RuntimeException e) { // e.g. the client's socket timeout: counted, and the time it took
                errors++;
                lastError = e.toString();
            }
            now = System.nanoTime();
            h.recordValue(Math.min(now - t0, h.getHighestTrackableValue()));
            count++;
            iterationCount++;
            if (now - iterationStart >= ITERATION.toNanos()) {
                iterations.add(round(iterationCount / ((now - iterationStart) / 1e9)));
                iterationStart = now;
                iterationCount = 0;
            }
        }
        double seconds = (now - begin) / 1e9;
        ObjectNode n = JSON.createObjectNode();
        n.put("loadAverage", loadAverage());
        n.put("count", count);
        n.put("opsPerSecond", round(count / seconds));
        n.set("iterationOpsPerSecond", iterations); // whole iterations only: a last partial one is left out
        n.put("meanMicros", round(h.getMean() / 1e3));
        n.put("p50Micros", round(h.getValueAtPercentile(50) / 1e3));
        n.put("p90Micros", round(h.getValueAtPercentile(90) / 1e3));
        n.put("p99Micros", round(h.getValueAtPercentile(99) / 1e3));
        n.put("maxMicros", round(h.getMaxValue() / 1e3));
        n.put("meanResultSize", round((double) results / Math.max(1, count - errors)));
        n.put("errors", errors);
        if (lastError != null) {
            n.put("lastError", lastError);
        }
        return n;
    }

    static final List<String> SUMMARIZED_OPS = List.of("book", "roomDaySchedule", "userWeek", "roomWeekSchedule",
            "busyRoomsAllRooms", "listPageNoFilter");

    /** The runs' figures as mean and 99.9 % half-width over runs (see the class comment). */
    static ObjectNode summarize(List<Path> runFiles) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        for (Path f : runFiles) {
            runs.add(JSON.readTree(f.toFile()));
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("benchmark", "EmbeddedScaleBenchmark");
        out.put("note", "each fork is a separate run of EmbeddedScaleBenchmark (its own embedded server process and "
                + "data file, filled size by size); score = mean over forks of each run's closed-loop ops/s on one "
                + "thread; error = half-width of the 99.9 % interval of that mean (Student t), absent with one fork; "
                + "bookingsEmpty and bookingsAt1e6 pool the forks' one-second iterations instead, as JMH does "
                + "(their 'basis' says which); rssKbAt1e5.highestPeak is the highest peak of any fork");
        out.put("forks", runs.size());
        ObjectNode bySize = out.putObject("bySize");
        long largest = -1;
        for (JsonNode run : runs) {
            for (JsonNode size : run.path("sizes")) {
                long n = size.path("reservations").asLong();
                largest = Math.max(largest, n);
                ObjectNode at = bySize.has(Long.toString(n)) ? (ObjectNode) bySize.get(Long.toString(n))
                        : bySize.putObject(Long.toString(n));
                for (String op : SUMMARIZED_OPS) {
                    if (size.path("ops").has(op)) {
                        array(at, op + "OpsPerSecond").add(size.path("ops").path(op).path("opsPerSecond").asDouble());
                        array(at, op + "P99Micros").add(size.path("ops").path(op).path("p99Micros").asDouble());
                    }
                }
                JsonNode bookIterations = size.path("ops").path("book").path("iterationOpsPerSecond");
                if (bookIterations.isArray() && !bookIterations.isEmpty()) {
                    bookIterations.forEach(array(at, "bookIterationOpsPerSecond")::add);
                    at.put("runsWithBookIterations", at.path("runsWithBookIterations").asInt() + 1);
                }
                array(at, "diskBytesPerReservation").add(size.path("diskBytesPerReservation").asDouble());
                array(at, "rssKbAfterOps").add(size.path("rssKbAfterOps").asDouble());
                array(at, "peakRssKbSinceStartup").add(size.path("peakRssKbSinceStartup").asDouble());
                array(at, "bookLoadAverage").add(size.path("ops").path("book").path("loadAverage").asDouble());
            }
        }
        ObjectNode empty = bookings(bySize.path("0"), runs.size());
        if (empty != null) {
            out.set("bookingsEmpty", empty);
        }
        ObjectNode million = bookings(bySize.path("1000000"), runs.size());
        if (million != null) {
            out.set("bookingsAt1e6", million);
        }
        if (largest > 0) {
            ObjectNode disk = interval(bySize.path(Long.toString(largest)).path("diskBytesPerReservation"), "bytes",
                    runs.size());
            if (disk != null) {
                disk.put("reservations", largest);
                out.set("diskBytesPerReservation", disk);
            }
        }
        ObjectNode rss = interval(bySize.path("100000").path("rssKbAfterOps"), "KiB", runs.size());
        if (rss != null) {
            // the server's resident memory after the operations at 10^5 stored, and the highest peak
            // (VmHWM since its start at that size) of any fork: a ceiling is about the worst case
            double worst = 0;
            for (JsonNode peak : bySize.path("100000").path("peakRssKbSinceStartup")) {
                worst = Math.max(worst, peak.asDouble());
            }
            if (worst > 0) {
                rss.put("highestPeak", round(worst));
            }
            out.set("rssKbAt1e5", rss);
        }
        ArrayNode raw = out.putArray("runs");
        runs.forEach(raw::add);
        return out;
    }

    /**
     * Bookings at one size: as JMH scores, over every fork's one-second iterations pooled (mean, and
     * the 99.9 % half-width with n − 1 degrees of freedom, n iterations), when every fork recorded
     * iterations; otherwise (runs written before iterations were kept) over the forks' means.
     */
    private static ObjectNode bookings(JsonNode at, int runs) {
        JsonNode iterations = at.path("bookIterationOpsPerSecond");
        if (iterations.isArray() && iterations.size() >= 2 && at.path("runsWithBookIterations").asInt() == runs
                && at.path("bookOpsPerSecond").size() == runs) {
            ObjectNode n = interval(iterations, "ops/s", runs);
            n.put("forks", runs);
            n.put("iterations", iterations.size());
            n.put("basis", "one-second iterations of every fork, pooled (as JMH)");
            return n;
        }
        ObjectNode n = interval(at.path("bookOpsPerSecond"), "ops/s", runs);
        if (n != null) {
            n.put("basis", "the forks' means");
        }
        return n;
    }

    private static ArrayNode array(ObjectNode n, String field) {
        return n.has(field) ? (ArrayNode) n.get(field) : n.putArray(field);
    }

    private static ObjectNode interval(JsonNode values, String unit, int forks) {
        if (!values.isArray() || values.isEmpty()) {
            return null;
        }
        double[] v = new double[values.size()];
        double mean = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i).asDouble();
            mean += v[i] / v.length;
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("score", round(mean));
        double error = Stats.halfWidth999(v);
        if (!Double.isNaN(error)) {
            n.put("error", round(error));
        }
        n.put("unit", unit);
        n.put("forks", Math.min(forks, v.length));
        return n;
    }

    private void write(ObjectNode report) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(Path.of(out + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        Files.writeString(Path.of(out + ".txt"), table(report));
    }

    /** The same figures as the JSON, as a table, with the ratios the targets are stated in. */
    static String table(ObjectNode report) {
        StringBuilder b = new StringBuilder();
        b.append("EmbeddedScaleBenchmark (written by the benchmark; figures from ").append(report.get("startedAt").asText())
                .append(")\n").append(report.get("machine").asText()).append("; server JVM args: '")
                .append(report.get("serverJvmArgs").asText()).append("'; warm-up ").append(report.get("warmupSeconds"))
                .append(" s, measured ").append(report.get("measureSeconds")).append(" s per operation, one thread, closed loop\n");
        b.append(report.get("rooms")).append(" rooms, ").append(report.get("users")).append(" users\n\n");
        List<String> names = new ArrayList<>();
        report.get("sizes").forEach(s -> s.get("ops").fieldNames().forEachRemaining(n -> {
            if (!names.contains(n)) {
                names.add(n);
            }
        }));
        b.append(String.format(Locale.ROOT, "%-20s", "reservations"));
        report.get("sizes").forEach(s -> b.append(String.format(Locale.ROOT, "%28d", s.get("reservations").asLong())));
        b.append("\n");
        for (String name : names) {
            b.append(String.format(Locale.ROOT, "%-20s", name));
            report.get("sizes").forEach(s -> {
                var o = s.get("ops").get(name);
                b.append(o == null ? String.format("%28s", "-") : String.format(Locale.ROOT, "%12.1f/s p50 %7.0fus",
                        o.get("opsPerSecond").asDouble(), o.get("p50Micros").asDouble()));
            });
            b.append("\n");
        }
        for (String field : List.of("fillPerSecond", "stopMillis", "startupMillis", "fileBytesAfterFill", "fileBytesAfterCleanStop",
                "fileBytesAfterStartup", "diskBytesPerReservation", "fileBytesAfterOps", "rssKbAfterStartup",
                "rssKbAfterOps", "peakRssKbSinceStartup")) {
            b.append(String.format(Locale.ROOT, "%-20s", field.length() > 20 ? field.substring(0, 20) : field));
            report.get("sizes").forEach(s -> b.append(String.format(Locale.ROOT, "%28d", s.path(field).asLong())));
            b.append("  ").append(field).append("\n");
        }
        var sizes = report.get("sizes");
        if (sizes.size() > 1 && sizes.get(0).get("reservations").asLong() == 0) {
            b.append("\nratio to the empty store (ops/s at size / ops/s at 0):\n");
            for (String name : names) {
                double empty = sizes.get(0).get("ops").path(name).path("opsPerSecond").asDouble();
                b.append(String.format(Locale.ROOT, "%-20s", name));
                sizes.forEach(s -> b.append(String.format(Locale.ROOT, "%28.2f",
                        s.get("ops").path(name).path("opsPerSecond").asDouble() / empty)));
                b.append("\n");
            }
        }
        return b.toString();
    }

    /** The 1-minute load average when an operation's measurement ended: this machine is shared. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Instant day(int d) {
        return DAY0.plus(Duration.ofDays(d));
    }

    static String room(int i) {
        return String.format("r%03d", i);
    }

    static String user(int i) {
        return String.format("u%05d", i);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static long fileSize(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".mv")).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    /** Deletes {@code dir} and everything in it (also used by {@link MongoStoreBenchmark}). */
    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Stores attached to the running server (it owns the directory); closed after each size. */
    private record Session(MongoStores stores) implements AutoCloseable {
        static Session open(Path dataDir) {
            return new Session(MongoStores.open(StoreOptions.embedded(dataDir)));
        }

        @Override
        public void close() {
            stores.close();
        }
    }

    /** {@link EmbeddedServerMain} as its own process; stopped with SIGTERM (a clean shutdown). */
    private record Server(Process process, int port) {
        static Server start(Path dataDir, List<String> jvm) throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvm);
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), EmbeddedServerMain.class.getName(),
                    "--data-dir", dataDir.toString()));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("listening 127.0.0.1:")) {
                    int port = Integer.parseInt(line.substring("listening 127.0.0.1:".length()).split(" ")[0]);
                    return new Server(p, port);
                }
            }
            throw new IllegalStateException("the embedded server exited before listening");
        }

        String uri() {
            return "mongodb://127.0.0.1:" + port;
        }

        /** SIGTERM, then SIGKILL after 10 minutes; true when it had to be killed. */
        boolean stop() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(600, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    return true;
                }
            }
            return false;
        }

        /** A line of /proc/PID/status in kB (VmRSS, VmHWM), or -1 where there is none. */
        long status(String field) throws IOException {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (l.startsWith(field + ":")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        }
    }
}
