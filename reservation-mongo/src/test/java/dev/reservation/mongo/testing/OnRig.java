package dev.reservation.mongo.testing;

import com.mongodb.ReadConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.IdGenerator;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.RoomSearchService;
import dev.reservation.core.store.ContractData;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.audit.Invariants;
import dev.reservation.mongo.audit.StoredState;
import dev.reservation.rig.ReplicationRig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;

/**
 * The Mongo store on the replication rig (a SIMULATION of a PSA replica set, see
 * {@link ReplicationRig}): stores opened with a short write timeout so that a stalled commit point
 * shows quickly, services over them, and raw reads of the committed state for assertions. One
 * database per instance. Not thread-safe (tests set it up from one thread).
 */
public final class OnRig implements AutoCloseable {
    /** "Now" for the services: before {@link ContractData#DAY0}, within the booking horizon. */
    public static final Instant NOW = Instant.parse("2031-01-05T08:00:00Z");
    public static final Duration WRITE_TIMEOUT = Duration.ofMillis(400);
    /** Short, so that orphans of rolled-back or abandoned attempts are fenced within a test (and live bookers sometimes too). */
    public static final Duration ORPHAN_AGE = Duration.ofSeconds(3);

    public final ReplicationRig rig = ReplicationRig.start();
    private final String database = InProcessMongo.freshDatabase();
    private final List<MongoStores> opened = new ArrayList<>();
    private final MongoClient raw = MongoClients.create(rig.connectionString());

    public StoreOptions options() {
        return StoreOptions.uri(rig.connectionString()).withDatabase(database).withWriteTimeout(WRITE_TIMEOUT)
                .withPrimaryWait(Duration.ofSeconds(5)).withHeartbeat(Duration.ofMillis(500))
                .withOrphanAge(ORPHAN_AGE);
    }

    /** A store instance (its own MongoClient) whose claims and orphan judgement use {@code clock}. */
    public MongoStores open(Clock clock) {
        MongoStores stores = MongoStores.open(options(), clock);
        opened.add(stores);
        return stores;
    }

    public MongoStores open() {
        return open(Clock.systemUTC());
    }

    /** A reservation service over {@code stores}, at {@link #NOW}. */
    public static ReservationService service(MongoStores stores) {
        Clock now = Clock.fixed(NOW, ZoneOffset.UTC);
        RoomSearchService search = new RoomSearchService(stores.rooms(), stores.reservations(), BookingPolicy.DEFAULT, now);
        return new ReservationService(stores.users(), stores.rooms(), stores.reservations(), search,
                BookingPolicy.DEFAULT, now, IdGenerator.uuids());
    }

    /** Inserts users u1..uN (ADMIN u1) and room "r1". */
    public static void seed(MongoStores stores, int users) {
        for (int i = 1; i <= users; i++) {
            User u = ContractData.user("u" + i, "u" + i + "@example.com");
            stores.users().insert(i == 1 ? u.withNameAndRole(u.name(), dev.reservation.core.domain.Role.ADMIN) : u);
        }
        Room room = ContractData.room("r1", "Room one");
        stores.rooms().insert(room);
    }

    private MongoDatabase committed() {
        return raw.getDatabase(database).withReadConcern(ReadConcern.MAJORITY);
    }

    /** The claims of a room-day bucket in the committed state. */
    public List<Document> committedClaims(String bucket) {
        Document doc = committed().getCollection("room_days").find(Filters.eq("_id", bucket)).first();
        return doc == null ? List.of() : doc.getList("claims", Document.class);
    }

    /** Every reservation document (tombstones included) in the committed state. */
    public List<Document> committedReservations() {
        return committed().getCollection("reservations").find().into(new ArrayList<>());
    }

    /** The protocol's invariants on the committed state, read raw (see {@link Invariants}). */
    public Invariants.Report invariants() {
        return Invariants.check(StoredState.read(rig.connectionString(), database));
    }

    /** Every document of {@code collection} in the committed state. */
    public List<Document> committed(String collection) {
        return committed().getCollection(collection).find().into(new ArrayList<>());
    }

    public String database() {
        return database;
    }

    @Override
    public void close() {
        opened.forEach(MongoStores::close);
        raw.close();
        rig.close();
    }

    /**
     * Starts a thread that, while {@code running} holds, stalls the commit point, fails over (rolling
     * back) half of the time, and heals; again and again. Before each stall it waits
     * {@code gapMs + random(gapSpreadMs)}; a stall lasts one write timeout plus up to
     * {@code extraTimeouts} more, so bookings time out at every step of the protocol and their retries
     * meet the commit point moving again.
     */
    public Thread stallAndFailOver(AtomicBoolean running, long seed, int gapMs,
                                   int gapSpreadMs, int extraTimeouts) {
        Random random = new Random(seed);
        long w = WRITE_TIMEOUT.toMillis();
        Thread t = new Thread(() -> {
            while (running.get()) {
                pause(gapMs + random.nextInt(gapSpreadMs));
                rig.stallCommitPoint();
                pause(w + random.nextInt((int) (extraTimeouts * w)));
                if (random.nextBoolean()) {
                    rig.failover(Duration.ofMillis(100 + random.nextInt(300)), random.nextBoolean());
                }
                rig.resumeCommitPoint();
            }
        }, "nemesis");
        t.start();
        return t;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
