package dev.reservation.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.mongo.testing.InProcessMongo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaTest {
    private final InProcessMongo mongo = new InProcessMongo();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void createsIndexesAndTheSchemaVersionOnceHoweverOftenItOpens() {
        String db = InProcessMongo.freshDatabase();
        mongo.open(db, Clock.systemUTC());
        mongo.open(db, Clock.systemUTC());
        try (MongoClient client = MongoClients.create(mongo.uri())) {
            MongoDatabase database = client.getDatabase(db);
            assertThat(indexNames(database, "users")).contains("email_unique");
            assertThat(indexNames(database, "rooms")).contains("nameKey_unique");
            assertThat(indexNames(database, "reservations"))
                    .contains("room_start", "user_start", "start_id", "roomId_id", "idempotencyScope_unique").doesNotContain("idempotencyKey_unique");
            assertThat(database.getCollection("schema_version").countDocuments()).isEqualTo(1);
            assertThat(database.getCollection("schema_version").find().first().getInteger("version")).isEqualTo(dev.reservation.mongo.internal.Schema.VERSION);
        }
    }

    @Test
    void migratesSchemaOneKeysToPerUserScopesSoTheSameKeyFromAnotherUserIsANewBooking() {
        String db = InProcessMongo.freshDatabase();
        try (MongoClient client = MongoClients.create(mongo.uri())) {
            MongoDatabase database = client.getDatabase(db);
            database.getCollection("schema_version").insertOne(new Document("_id", "schema").append("version", 1));
            database.getCollection("reservations").createIndex(new Document("idempotencyKey", 1),
                    new com.mongodb.client.model.IndexOptions().unique(true).sparse(true).name("idempotencyKey_unique"));
            database.getCollection("reservations").insertOne(dev.reservation.mongo.internal.Documents.reservation(
                    dev.reservation.core.store.ContractData.candidate("r1", "u1", dev.reservation.core.store.ContractData
                            .slot(0, 10, 0, 60), "old-key")).append("idempotencyScope", null));
            database.getCollection("reservations").updateMany(new Document(), Updates.unset("idempotencyScope"));
        }
        MongoStores stores = mongo.open(db, Clock.systemUTC());
        assertThat(stores.reservations().findByIdempotencyKey("u1", "old-key")).isPresent();
        assertThat(stores.reservations().book(dev.reservation.core.store.ContractData.candidate("r1", "u2",
                dev.reservation.core.store.ContractData.slot(0, 12, 0, 60), "old-key")))
                .isInstanceOf(dev.reservation.core.store.BookingOutcome.Booked.class);
        try (MongoClient client = MongoClients.create(mongo.uri())) {
            assertThat(indexNames(client.getDatabase(db), "reservations")).doesNotContain("idempotencyKey_unique");
            assertThat(client.getDatabase(db).getCollection("schema_version").find().first().getInteger("version"))
                    .isEqualTo(dev.reservation.mongo.internal.Schema.VERSION);
        }
    }

    @Test
    void refusesDataWrittenByANewerSchema() {
        String db = InProcessMongo.freshDatabase();
        mongo.open(db, Clock.systemUTC());
        try (MongoClient client = MongoClients.create(mongo.uri())) {
            client.getDatabase(db).getCollection("schema_version")
                    .updateOne(Filters.eq("_id", "schema"), Updates.set("version", 99));
        }
        assertThatThrownBy(() -> mongo.open(db, Clock.systemUTC()))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("schema version 99");
    }

    private static List<String> indexNames(MongoDatabase db, String collection) {
        return db.getCollection(collection).listIndexes().map(d -> d.getString("name")).into(new ArrayList<>());
    }
}
