package dev.reservation.bench;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import dev.reservation.core.series.SeriesMode;
import dev.reservation.core.series.SeriesRequest;
import dev.reservation.core.series.SeriesService;
import dev.reservation.core.series.SeriesView;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.IdGenerator;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.service.RoomSearchService;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.embedded.EmbeddedServerMain;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A weekly all-or-nothing series of 52 occurrences against one single booking, both through the
 * services on the embedded default store (the H2-backed server as its own process, as the harness
 * runs it), reached through a counting proxy on loopback so that the wire round trips of each
 * operation are counted (every request message except the driver's monitoring: hello, ping). The
 * target is a series within 10× of one booking's time. It is not reached and cannot be without
 * weakening the booking protocol: every occurrence is a full booking (its claim, judged alone, then
 * its document, under its own id and key) plus its HELD → CONFIRMED compare-and-set; batching the
 * claims of several occurrences into one bulk write would let one occurrence's claim outlive its
 * own judgement (see {@code BookingProtocol}), so it is not done. Run it short on a shared machine:
 * {@code -f 1 -wi 1 -i 1}; its figures are indicative then.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class SeriesBookingBenchmark {
    static final Instant NOW = Instant.parse("2031-01-01T00:00:00Z");
    static final LocalDate MONDAY = LocalDate.of(2031, 1, 6);
    static final int ROOMS = 64;
    static final Set<String> MONITORING = Set.of("hello", "isMaster", "ismaster", "ping", "buildInfo", "buildinfo");

    Path dataDir;
    Process server;
    CountingProxy proxy;
    MongoStores stores;
    ReservationService bookings;
    SeriesService series;
    final AtomicLong nextSingle = new AtomicLong();
    final AtomicLong nextSeries = new AtomicLong();
    final AtomicLong singles = new AtomicLong();
    final AtomicLong singleTrips = new AtomicLong();
    final AtomicLong seriesCount = new AtomicLong();
    final AtomicLong seriesTrips = new AtomicLong();
    final Actor actor = new Actor("u-bench", Role.MEMBER);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dataDir = Files.createTempDirectory("series-bench");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), EmbeddedServerMain.class.getName(),
                "--data-dir", dataDir.toString()));
        server = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        int port = -1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("listening 127.0.0.1:")) {
                port = Integer.parseInt(line.substring("listening 127.0.0.1:".length()).split(" ")[0]);
                break;
            }
        }
        if (port < 0) {
            throw new IllegalStateException("the embedded server exited before listening");
        }
        proxy = new CountingProxy(port);
        stores = MongoStores.open(StoreOptions.uri("mongodb://127.0.0.1:" + proxy.port()).withDatabase("bench"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        BookingPolicy policy = new BookingPolicy(Duration.ofMinutes(5), Duration.ofHours(12), Duration.ofDays(400));
        IdGenerator ids = IdGenerator.timeOrdered(clock);
        stores.users().insert(new User("u-bench", "Bench", "bench@example.com", Role.MEMBER));
        for (int i = 0; i < ROOMS; i++) {
            stores.rooms().insert(new Room("s" + i, "Series " + i, "Floor 1", 8, Set.of(Equipment.WHITEBOARD),
                    ZoneId.of("Europe/Berlin")));
            stores.rooms().insert(new Room("o" + i, "Single " + i, "Floor 2", 8, Set.of(Equipment.WHITEBOARD),
                    ZoneId.of("Europe/Berlin")));
        }
        bookings = new ReservationService(stores.users(), stores.rooms(), stores.reservations(),
                new RoomSearchService(stores.rooms(), stores.reservations(), policy, clock), policy, clock, ids);
        series = new SeriesService(bookings, stores.reservations(), stores.series(), stores.rooms(), stores.users(),
                clock, ids);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        // JMH runs each benchmark method in its own trial: print what this one measured
        if (singles.get() > 0) {
            System.out.printf("%nround trips per single booking: %.1f (%d bookings)%n",
                    (double) singleTrips.get() / singles.get(), singles.get());
        }
        if (seriesCount.get() > 0) {
            System.out.printf("%nround trips per weekly series of 52: %.1f (%d series), %.1f per occurrence%n",
                    (double) seriesTrips.get() / seriesCount.get(), seriesCount.get(),
                    (double) seriesTrips.get() / seriesCount.get() / 52);
        }
        System.out.println("by command over the whole trial (set-up included): " + proxy.byCommand());
        stores.close();
        proxy.close();
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }

    /** One booking of a free 30-minute slot, with an idempotency key as the web app sends. */
    @Benchmark
    public Reservation singleBooking() {
        long n = nextSingle.getAndIncrement();
        Instant start = MONDAY.atTime(6, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant()
                .plus(Duration.ofMinutes(30 * (n / ROOMS)));
        long before = proxy.commands();
        Reservation r = bookings.reserve(actor, new ReserveRequest("o" + (n % ROOMS), "u-bench",
                TimeSlot.of(start, Duration.ofMinutes(30)), "Bench", 1, Optional.of("bench-" + n)));
        singleTrips.addAndGet(proxy.commands() - before);
        singles.incrementAndGet();
        return r;
    }

    /** A weekly all-or-nothing series of 52 one-hour occurrences in a free slot. */
    @Benchmark
    public SeriesView weeklySeriesOf52() {
        long n = nextSeries.getAndIncrement();
        long slot = n / ROOMS;
        LocalTime at = LocalTime.of(6, 0).plusMinutes(15 * (slot % 60));
        LocalDate first = MONDAY.plusDays(slot / 60 % 7);
        long before = proxy.commands();
        SeriesView v = series.book(actor, new SeriesRequest("s" + (n % ROOMS), "u-bench", "Weekly", 1, first, at, 15,
                "FREQ=WEEKLY;COUNT=52", new TreeSet<>(), SeriesMode.ALL_OR_NOTHING, Optional.of("bench-s-" + n)));
        seriesTrips.addAndGet(proxy.commands() - before);
        seriesCount.incrementAndGet();
        return v;
    }

    /**
     * A loopback TCP proxy that counts the MongoDB request messages (OP_MSG and the legacy ones)
     * going to the server, by their command name. Daemon threads; closed with the benchmark.
     */
    static final class CountingProxy implements AutoCloseable {
        private final ServerSocket listening;
        private final int target;
        private final AtomicLong commands = new AtomicLong();
        private final Map<String, AtomicLong> byCommand = new ConcurrentHashMap<>();
        private final List<Socket> open = new java.util.concurrent.CopyOnWriteArrayList<>();

        CountingProxy(int target) throws IOException {
            this.target = target;
            this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(this::accept, "counting-proxy");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return listening.getLocalPort();
        }

        /** Requests other than the driver's monitoring, so far. */
        long commands() {
            return commands.get();
        }

        Map<String, Long> byCommand() {
            Map<String, Long> out = new java.util.TreeMap<>();
            byCommand.forEach((k, v) -> out.put(k, v.get()));
            return out;
        }

        private void accept() {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    client.setTcpNoDelay(true);
                    upstream.setTcpNoDelay(true);
                    open.add(client);
                    open.add(upstream);
                    pump(client.getInputStream(), upstream.getOutputStream(), true);
                    pump(upstream.getInputStream(), client.getOutputStream(), false);
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void pump(InputStream from, OutputStream to, boolean requests) {
            Thread t = new Thread(() -> {
                try (DataInputStream in = new DataInputStream(from)) {
                    byte[] header = new byte[4];
                    while (true) {
                        in.readFully(header);
                        int length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
                        byte[] rest = new byte[length - 4];
                        in.readFully(rest);
                        if (requests) {
                            count(rest);
                        }
                        to.write(header);
                        to.write(rest);
                        to.flush();
                    }
                } catch (IOException | RuntimeException closed) {
                    // connection ended
                }
            }, "counting-proxy-pump");
            t.setDaemon(true);
            t.start();
        }

        /** {@code rest}: a message after its length; OP_MSG's first section names the command. */
        private void count(byte[] rest) {
            ByteBuffer b = ByteBuffer.wrap(rest).order(ByteOrder.LITTLE_ENDIAN);
            int opCode = b.getInt(8);
            String name = "op" + opCode;
            if (opCode == 2013 && rest.length > 22 && rest[16] == 0) {
                int at = 12 + 4 + 1 + 4 + 1; // requestID, responseTo, opCode; flags; section kind; doc size; type
                int end = at;
                while (end < rest.length && rest[end] != 0) {
                    end++;
                }
                name = new String(rest, at, end - at, StandardCharsets.UTF_8);
            }
            if (!MONITORING.contains(name)) {
                commands.incrementAndGet();
                byCommand.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
            }
        }

        @Override
        public void close() throws IOException {
            listening.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }
}
