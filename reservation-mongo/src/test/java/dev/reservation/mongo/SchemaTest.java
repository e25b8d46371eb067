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
                    .contains("room_start", "user_start", "start_id", "idempotencyKey_unique");
            assertThat(database.getCollection("schema_version").countDocuments()).isEqualTo(1);
            assertThat(database.getCollection("schema_version").find().first().getInteger("version")).isEqualTo(dev.reservation.mongo.internal.Schema.VERSION);
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
