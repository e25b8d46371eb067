package dev.reservation.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.Location;
import dev.reservation.core.domain.LocationNotFoundException;
import dev.reservation.core.store.LocationStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Locations in the {@code locations} collection; site + building + floor are unique through the
 * stored {@code key} and its unique index. Thread-safe (the driver's collection is).
 */
public final class MongoLocationStore implements LocationStore {
    private final MongoCollection<Document> locations;

    public MongoLocationStore(MongoCollection<Document> locations) {
        this.locations = locations;
    }

    @Override
    public Location insert(Location location) {
        return MongoFailures.write("adding location " + location.fullLabel(), () -> {
            try {
                locations.insertOne(LocationDocs.of(location));
                return location;
            } catch (MongoException e) {
                if (!MongoFailures.isDuplicateKey(e)) {
                    throw e;
                }
                if (MongoFailures.duplicateKeyIndex(e).startsWith("key")) {
                    throw new AlreadyExistsException("building", location.fullLabel() + " already exists");
                }
                throw new AlreadyExistsException("id", "a location with id " + location.id() + " already exists");
            }
        });
    }

    @Override
    public Location update(Location location) {
        return MongoFailures.write("updating location " + location.id(), () -> {
            try {
                if (locations.replaceOne(Filters.eq(Documents.ID, location.id()), LocationDocs.of(location))
                        .getMatchedCount() == 0) {
                    throw new LocationNotFoundException(location.id());
                }
                return location;
            } catch (MongoException e) {
                if (MongoFailures.isDuplicateKey(e)) {
                    throw new AlreadyExistsException("building", location.fullLabel() + " already exists");
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<Location> findById(String id) {
        return MongoFailures.read("looking up location " + id, () -> Optional.ofNullable(
                locations.find(Filters.eq(Documents.ID, id)).first()).map(LocationDocs::location));
    }

    @Override
    public List<Location> findAll() {
        return MongoFailures.read("listing locations", () -> locations.find()
                .sort(Sorts.ascending("key", Documents.ID)).map(LocationDocs::location).into(new ArrayList<>()));
    }
}
