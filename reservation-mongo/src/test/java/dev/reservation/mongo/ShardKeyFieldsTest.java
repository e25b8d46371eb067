package dev.reservation.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ContractData;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.mongo.internal.Schema;
import dev.reservation.mongo.testing.InProcessMongo;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every document the store writes into a collection that {@code docs/scale-out.md} shards carries
 * that collection's shard-key fields, whatever path wrote it: a booking, a conflict (the loser's
 * tombstone), a multi-day booking, a cancellation, a replayed booking. A document without them could
 * not be inserted into a sharded collection, and a tombstone routed by other fields than its booking's
 * insert would no longer fence it.
 */
class ShardKeyFieldsTest {
    /** The shard key of each sharded collection, as docs/scale-out.md gives it. */
    static final Map<String, List<String>> SHARD_KEYS = Map.of(
            Schema.RESERVATIONS, List.of("roomId", "_id"),
            Schema.ROOM_DAYS, List.of("_id"));

    private final InProcessMongo mongo = new InProcessMongo();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void everyDocumentOfAShardedCollectionCarriesItsShardKey() {
        String db = InProcessMongo.freshDatabase();
        ReservationStore store = mongo.open(db, Clock.systemUTC()).reservations();
        Reservation first = booked(store.book(ContractData.candidate("room-a", "u1", ContractData.slot(0, 10, 0, 60))));
        assertThat(store.book(ContractData.candidate("room-a", "u2", ContractData.slot(0, 10, 30, 60))))
                .as("an overlapping booking loses and leaves its tombstone").isInstanceOf(BookingOutcome.Conflict.class);
        booked(store.book(ContractData.candidate("room-b", "u1", ContractData.slot(0, 22, 0, 4 * 60))));
        store.cancel(first.id(), first.version(), Instant.now(), "u1");
        Reservation again = ContractData.candidate("room-a", "u3", ContractData.slot(0, 10, 0, 30));
        booked(store.book(again));
        assertThat(store.book(again)).as("a re-sent candidate is a replay").isInstanceOf(BookingOutcome.Replayed.class);

        try (MongoClient client = MongoClients.create(mongo.uri())) {
            MongoDatabase database = client.getDatabase(db);
            SHARD_KEYS.forEach((collection, key) -> {
                List<Document> docs = database.getCollection(collection).find().into(new ArrayList<>());
                assertThat(docs).as(collection).isNotEmpty();
                assertThat(docs).as("documents of %s carry %s", collection, key)
                        .allSatisfy(d -> assertThat(d.keySet()).containsAll(key));
            });
            Document tombstone = database.getCollection(Schema.RESERVATIONS).find(new Document("status", "ABANDONED")).first();
            assertThat(tombstone).as("the conflict left a tombstone").isNotNull();
            assertThat(tombstone.getString("roomId")).as("a tombstone is routed with its booking's room").isEqualTo("room-a");
        }
    }

    private static Reservation booked(BookingOutcome outcome) {
        assertThat(outcome).isInstanceOf(BookingOutcome.Booked.class);
        return ((BookingOutcome.Booked) outcome).reservation();
    }
}
