package dev.reservation.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.internal.BulkLoad;
import dev.reservation.mongo.internal.Schema;
import dev.reservation.mongo.internal.embedded.EmbeddedServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * Fills an embedded data directory that the web app has already seeded (its first start writes
 * the demo rooms and users) with {@code N} more reservations, by bulk load, not through HTTP:
 * the pre-filled store of the day-page target ({@code bin/benchmark --make-data-dir D}).
 *
 * <p>Every room gets nine one-hour bookings a day, 07:00–16:00 UTC, on days before and after the
 * fortnight around today; every 20th is cancelled. That fortnight ({@value #KEEP_DAYS} days either
 * side: the day and week pages, the free-room finder's search from now) and room-days that already
 * hold a claim are left as the demo data made them, so a page shows the same bookings on the
 * empty and on the filled store, and only the amount stored differs. Usage:
 * {@code FillDataDir DATA_DIR N}.
 */
public final class FillDataDir {
    static final int SLOTS_PER_ROOM_DAY = 9;
    static final int KEEP_DAYS = 7;

    private FillDataDir() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: FillDataDir DATA_DIR RESERVATIONS");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int wanted = Integer.parseInt(args[1]);
        EmbeddedServer server = EmbeddedServer.tryStart(dataDir, 0, Clock.systemUTC()).orElseThrow(() ->
                new IllegalStateException(dataDir + " is in use by another process: stop the web app first"));
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase(StoreOptions.DEFAULT_DATABASE);
            List<String> rooms = ids(db, Schema.ROOMS);
            List<String> users = ids(db, Schema.USERS);
            if (rooms.isEmpty() || users.isEmpty()) {
                throw new IllegalStateException(dataDir + " has no rooms or users: start the web app on it once first");
            }
            Set<String> taken = new HashSet<>(ids(db, Schema.ROOM_DAYS));
            List<Reservation> all = plan(rooms, users, taken, wanted, LocalDate.now(ZoneOffset.UTC));
            long t0 = System.nanoTime();
            int buckets = BulkLoad.insert(db, all, Instant.now().minus(Duration.ofDays(1)));
            System.out.printf("loaded %d reservations (%d room-day buckets, %d rooms) into %s in %.1f s%n",
                    all.size(), buckets, rooms.size(), dataDir, (System.nanoTime() - t0) / 1e9);
        } finally {
            server.close();
        }
    }

    /** {@code wanted} reservations on the days around {@code today}'s fortnight, alternately after and before it. */
    static List<Reservation> plan(List<String> rooms, List<String> users, Set<String> takenBuckets, int wanted,
                                  LocalDate today) {
        List<Reservation> out = new ArrayList<>(wanted);
        Instant created = today.atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofDays(400));
        for (int step = 0; out.size() < wanted; step++) {
            int away = KEEP_DAYS + 1 + step / 2;
            LocalDate day = today.plusDays(step % 2 == 0 ? away : -away);
            for (String room : rooms) {
                if (takenBuckets.contains(room + "|" + day)) {
                    continue;
                }
                for (int s = 0; s < SLOTS_PER_ROOM_DAY && out.size() < wanted; s++) {
                    int n = out.size();
                    Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(7 + s));
                    String user = users.get(n % users.size());
                    boolean cancelled = n % 20 == 19;
                    out.add(new Reservation(String.format("fill%012d", n), room, user, TimeSlot.of(start, Duration.ofHours(1)),
                            "Meeting " + n, 1, cancelled ? ReservationStatus.CANCELLED : ReservationStatus.CONFIRMED,
                            created, user, cancelled ? created.plus(Duration.ofHours(1)) : null, cancelled ? user : null,
                            cancelled ? 1 : 0, "fill-" + n));
                }
            }
        }
        return out;
    }

    private static List<String> ids(MongoDatabase db, String collection) {
        List<String> ids = new ArrayList<>();
        for (Document d : db.getCollection(collection).find().projection(Projections.include("_id"))) {
            ids.add(String.valueOf(d.get("_id")));
        }
        return ids;
    }
}
