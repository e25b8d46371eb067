package dev.reservation.mongo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ContractData;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.internal.embedded.EmbeddedServer;
import dev.reservation.mongo.testing.InProcessMongo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The derived {@code days} field: on every reservation document the store writes, equal to the UTC
 * days its slot touches (those of its room-day buckets), and added to documents written before it
 * existed by the migration to schema version 3.
 */
class ReservationDaysTest {
    @TempDir
    Path dataDir;

    @Test
    void everyReservationTheEmbeddedStoreWritesCarriesTheDaysOfItsSlot() {
        try (EmbeddedServer server = EmbeddedServer.tryStart(dataDir, 0, Clock.systemUTC()).orElseThrow();
             MongoStores stores = MongoStores.open(StoreOptions.embedded(dataDir));
             MongoClient client = MongoClients.create(server.connectionString())) {
            writeEveryKind(stores, client.getDatabase(StoreOptions.DEFAULT_DATABASE));
            checkEveryDocument(client.getDatabase(StoreOptions.DEFAULT_DATABASE));
        }
    }

    @Test
    void theSameThroughTheWireServerOfTheTests() {
        try (InProcessMongo mongo = new InProcessMongo(); MongoClient client = MongoClients.create(mongo.uri())) {
            String db = InProcessMongo.freshDatabase();
            writeEveryKind(mongo.open(db, Clock.systemUTC()), client.getDatabase(db));
            checkEveryDocument(client.getDatabase(db));
        }
    }

    private static final Instant MAR3 = Instant.parse("2031-03-03T00:00:00Z");

    /** Bookings of one, three and exactly one day (ending at midnight), a conflict's tombstone, a cancellation, a bulk load. */
    private static void writeEveryKind(MongoStores stores, MongoDatabase db) {
        var reservations = stores.reservations();
        assertThat(reservations.book(ContractData.candidate("r1", "u1",
                TimeSlot.of(MAR3.plus(Duration.ofHours(9)), Duration.ofHours(1))))).isInstanceOf(BookingOutcome.Booked.class);
        Reservation longOne = ((BookingOutcome.Booked) reservations.book(ContractData.candidate("r1", "u1",
                new TimeSlot(MAR3.plus(Duration.ofHours(22)), Instant.parse("2031-03-05T01:00:00Z"))))).reservation();
        assertThat(reservations.book(ContractData.candidate("r2", "u2", new TimeSlot(Instant.parse("2031-03-06T23:00:00Z"),
                Instant.parse("2031-03-07T00:00:00Z"))))).isInstanceOf(BookingOutcome.Booked.class);
        assertThat(reservations.book(ContractData.candidate("r1", "u3", TimeSlot.of(Instant.parse("2031-03-04T12:00:00Z"),
                Duration.ofHours(1))))).isInstanceOf(BookingOutcome.Conflict.class); // leaves a tombstone
        Reservation cancelMe = ((BookingOutcome.Booked) reservations.book(ContractData.candidate("r3", "u1",
                TimeSlot.of(MAR3.plus(Duration.ofHours(10)), Duration.ofHours(2))))).reservation();
        reservations.cancel(cancelMe.id(), 0, MAR3, "u1");
        BulkLoad.insert(db, List.of(Reservation.confirmed("bulk1", "r4", "u1",
                new TimeSlot(Instant.parse("2031-03-10T20:00:00Z"), Instant.parse("2031-03-11T02:00:00Z")), "t", 1, MAR3,
                null)), MAR3);

        Document stored = db.getCollection(Schema.RESERVATIONS).find(Filters.eq("_id", longOne.id())).first();
        assertThat(stored.getList(Documents.DAYS, String.class)).containsExactly("2031-03-03", "2031-03-04", "2031-03-05");
        assertThat(reservations.find(ReservationQuery.all().room("r1").window(Instant.parse("2031-03-04T10:00:00Z"),
                Instant.parse("2031-03-04T11:00:00Z")))).containsExactly(longOne);
    }

    private static void checkEveryDocument(MongoDatabase db) {
        int withSlot = 0;
        int tombstones = 0;
        for (Document d : db.getCollection(Schema.RESERVATIONS).find()) {
            if (!d.containsKey("start")) {
                assertThat(d.getString("status")).isEqualTo(Documents.ABANDONED);
                assertThat(d).doesNotContainKey(Documents.DAYS);
                tombstones++;
                continue;
            }
            List<String> days = d.getList(Documents.DAYS, String.class);
            assertThat(days).as("days of %s", d).isEqualTo(Documents.days(d.getDate("start").toInstant(),
                    d.getDate("end").toInstant()));
            if (ReservationStatus.CONFIRMED.name().equals(d.getString("status"))) {
                List<String> buckets = new ArrayList<>();
                for (Document b : db.getCollection(Schema.ROOM_DAYS).find(Filters.elemMatch(RoomDayClaims.CLAIMS,
                        Filters.eq("rid", d.getString("_id"))))) {
                    buckets.add(b.getString("day"));
                }
                assertThat(buckets).as("the days of %s's buckets", d.getString("_id")).containsExactlyInAnyOrderElementsOf(days);
            }
            withSlot++;
        }
        assertThat(withSlot).isEqualTo(5);
        assertThat(tombstones).isEqualTo(1);
        Document ending = db.getCollection(Schema.RESERVATIONS).find(Filters.eq("roomId", "r2")).first();
        assertThat(ending.getList(Documents.DAYS, String.class)).containsExactly("2031-03-06"); // end is exclusive
    }

    @Test
    void openingASchemaOneDatabaseAddsTheDaysOnceAndFindsItsReservationsByWindow() {
        try (EmbeddedServer server = EmbeddedServer.tryStart(dataDir, 0, Clock.systemUTC()).orElseThrow();
             MongoClient client = MongoClients.create(server.connectionString())) {
            String name = "old";
            MongoDatabase db = client.getDatabase(name);
            Reservation old = Reservation.confirmed("old1", "r1", "u1", new TimeSlot(Instant.parse("2031-03-03T23:00:00Z"),
                    Instant.parse("2031-03-04T01:00:00Z")), "t", 1, MAR3, "k1");
            Document written = Documents.reservation(old);
            written.remove(Documents.DAYS); // as version 1 wrote it
            db.getCollection(Schema.RESERVATIONS).insertOne(written);
            db.getCollection(Schema.RESERVATIONS).insertOne(new Document("_id", "tomb").append("status", Documents.ABANDONED)
                    .append("abandonedAt", new Date()));
            db.getCollection(Schema.SCHEMA_VERSION).insertOne(new Document("_id", "schema").append("version", 1));

            try (MongoStores stores = MongoStores.open(StoreOptions.embedded(dataDir).withDatabase(name))) {
                assertThat(stores.reservations().find(ReservationQuery.all().room("r1")
                        .window(Instant.parse("2031-03-04T00:30:00Z"), Instant.parse("2031-03-04T02:00:00Z"))))
                        .containsExactly(old);
            }
            assertThat(db.getCollection(Schema.RESERVATIONS).find(Filters.eq("_id", "old1")).first()
                    .getList(Documents.DAYS, String.class)).containsExactly("2031-03-03", "2031-03-04");
            assertThat(db.getCollection(Schema.RESERVATIONS).find(Filters.eq("_id", "tomb")).first())
                    .doesNotContainKey(Documents.DAYS);
            assertThat(db.getCollection(Schema.SCHEMA_VERSION).find().first().getInteger("version")).isEqualTo(Schema.VERSION);
            // the migration ran once: a document without days written now would stay so
            db.getCollection(Schema.RESERVATIONS).updateOne(Filters.eq("_id", "old1"), Updates.unset(Documents.DAYS));
            try (MongoStores again = MongoStores.open(StoreOptions.embedded(dataDir).withDatabase(name))) {
                assertThat(db.getCollection(Schema.RESERVATIONS).find(Filters.eq("_id", "old1")).first())
                        .doesNotContainKey(Documents.DAYS);
            }
        }
    }
}
