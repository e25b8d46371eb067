package dev.reservation.mongo.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.reservation.core.ops.RoomOperations;
import dev.reservation.core.ops.RoomOperationsStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Room operation settings in {@code room_ops}, one document per room. Thread-safe. */
public final class MongoRoomOperationsStore implements RoomOperationsStore {
    private final MongoCollection<Document> ops;

    public MongoRoomOperationsStore(MongoCollection<Document> ops) {
        this.ops = ops;
    }

    @Override
    public Optional<RoomOperations> find(String roomId) {
        return MongoFailures.read("reading the settings of room " + roomId,
                () -> Optional.ofNullable(ops.find(Filters.eq(Documents.ID, roomId)).first()).map(MongoRoomOperationsStore::of));
    }

    @Override
    public void put(RoomOperations s) {
        Document d = new Document(Documents.ID, s.roomId()).append("requiresApproval", s.requiresApproval())
                .append("approvers", s.approvers().stream().sorted().toList())
                .append("checkInBeforeMin", s.checkInBefore().toMinutes())
                .append("checkInAfterMin", s.checkInAfter().toMinutes()).append("autoRelease", s.autoRelease());
        if (s.displayTokenHash() != null) {
            d.append("displayTokenHash", s.displayTokenHash());
        }
        MongoFailures.write("saving the settings of room " + s.roomId(), () ->
                ops.replaceOne(Filters.eq(Documents.ID, s.roomId()), d, new ReplaceOptions().upsert(true)));
    }

    @Override
    public List<RoomOperations> all() {
        return MongoFailures.read("listing room settings", () -> ops.find().sort(Sorts.ascending(Documents.ID))
                .map(MongoRoomOperationsStore::of).into(new ArrayList<>()));
    }

    private static RoomOperations of(Document d) {
        return new RoomOperations(d.getString(Documents.ID), d.getBoolean("requiresApproval", false),
                new HashSet<>(d.getList("approvers", String.class, List.of())),
                Duration.ofMinutes(((Number) d.get("checkInBeforeMin")).longValue()),
                Duration.ofMinutes(((Number) d.get("checkInAfterMin")).longValue()), d.getBoolean("autoRelease", true),
                d.getString("displayTokenHash"));
    }
}
