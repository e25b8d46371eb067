package dev.reservation.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.service.IdGenerator;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.internal.embedded.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Mongo store through the real driver and wire protocol against the in-process
 * mongo-java-server on loopback: booking (the full room-day claim protocol plus the reservation
 * insert) and listing one room's day. {@code backend}: {@code memory} is mongo-java-server's
 * memory backend (no file, no commits: the protocol's own cost); {@code durable} is the embedded
 * default's server ({@link EmbeddedServer}: the MVStore file, a commit per write, its compaction),
 * here in the benchmark's JVM. A reference figure for regressions, not the real engine's: that
 * comes from the harness or a real replica set.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class MongoStoreBenchmark {
    private static final Instant FIRST = Instant.parse("2031-01-01T00:00:00Z");

    @Param({"memory", "durable"})
    public String backend;

    MongoServer server;
    EmbeddedServer embedded;
    Path dataDir;
    MongoStores stores;
    final AtomicLong next = new AtomicLong();
    final IdGenerator ids = IdGenerator.uuids();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String uri;
        if (backend.equals("durable")) {
            dataDir = Files.createTempDirectory("mongo-store-benchmark");
            embedded = EmbeddedServer.tryStart(dataDir, 0, Clock.systemUTC())
                    .orElseThrow(() -> new IllegalStateException("a fresh data dir is owned already: " + dataDir));
            uri = embedded.connectionString();
        } else if (backend.equals("memory")) {
            server = new MongoServer(new MemoryBackend());
            uri = server.bindAndGetConnectionString();
        } else {
            throw new IllegalArgumentException("backend is memory or durable, not " + backend);
        }
        stores = MongoStores.open(StoreOptions.uri(uri).withDatabase("bench"));
        for (int i = 0; i < 48; i++) {
            book("r-list", FIRST.plus(Duration.ofMinutes(30L * i)));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        stores.close();
        if (server != null) {
            server.shutdownNow();
        }
        if (embedded != null) {
            embedded.close();
            EmbeddedScaleBenchmark.deleteTree(dataDir);
        }
    }

    private BookingOutcome book(String room, Instant start) {
        return stores.reservations().book(Reservation.confirmed(ids.newId(), room, "u-bench",
                TimeSlot.of(start, Duration.ofMinutes(15)), "Bench", 1, FIRST, null));
    }

    @Benchmark
    public BookingOutcome book() {
        long n = next.getAndIncrement();
        return book("r-" + (n % 16), FIRST.plus(Duration.ofMinutes(15 * (n / 16))));
    }

    @Benchmark
    public List<Reservation> listRoomDay() {
        return stores.reservations().find(ReservationQuery.all().room("r-list")
                .window(FIRST, FIRST.plus(Duration.ofDays(1))));
    }
}
