package dev.reservation.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.store.RoomStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;

/**
 * Rooms in the {@code rooms} collection; names are unique case-insensitively through the stored
 * {@code nameKey} and its unique index. Reads go to the primary with majority read concern.
 * Thread-safe (the driver's collection is).
 */
public final class MongoRoomStore implements RoomStore {
    private final MongoCollection<Document> rooms;

    public MongoRoomStore(MongoCollection<Document> rooms) {
        this.rooms = rooms;
    }

    @Override
    public Room insert(Room room) {
        return MongoFailures.write("adding room " + room.name(), () -> {
            try {
                rooms.insertOne(Documents.room(room));
                return room;
            } catch (MongoException e) {
                if (!MongoFailures.isDuplicateKey(e)) {
                    throw e;
                }
                if (MongoFailures.duplicateKeyIndex(e).startsWith("nameKey")) {
                    throw new AlreadyExistsException("name", "a room named " + room.name() + " already exists");
                }
                throw new AlreadyExistsException("id", "a room with id " + room.id() + " already exists");
            }
        });
    }

    @Override
    public Room update(Room room) {
        return MongoFailures.write("updating room " + room.id(), () -> {
            try {
                if (rooms.replaceOne(Filters.eq(Documents.ID, room.id()), Documents.room(room)).getMatchedCount() == 0) {
                    throw new RoomNotFoundException(room.id());
                }
                return room;
            } catch (MongoException e) {
                if (MongoFailures.isDuplicateKey(e)) {
                    throw new AlreadyExistsException("name", "a room named " + room.name() + " already exists");
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<Room> findById(String id) {
        return MongoFailures.read("looking up room " + id,
                () -> Optional.ofNullable(rooms.find(Filters.eq(Documents.ID, id)).first()).map(Documents::room));
    }

    @Override
    public Optional<Room> findByName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return MongoFailures.read("looking up room " + name,
                () -> Optional.ofNullable(rooms.find(Filters.eq("nameKey", key)).first()).map(Documents::room));
    }

    @Override
    public List<Room> findAll() {
        return MongoFailures.read("listing rooms", () -> rooms.find().sort(Sorts.ascending("nameKey", Documents.ID))
                .map(Documents::room).into(new ArrayList<>()));
    }
}
