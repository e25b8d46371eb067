package dev.reservation.core.memory;

import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.Location;
import dev.reservation.core.domain.LocationNotFoundException;
import dev.reservation.core.store.LocationStore;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Locations in memory. Thread-safe: writes are serialized, reads see a sorted snapshot. */
public final class InMemoryLocationStore implements LocationStore {
    static final Comparator<Location> ORDER = Comparator.comparing(Location::key).thenComparing(Location::id);

    private final Map<String, Location> byId = new LinkedHashMap<>();
    private volatile List<Location> sorted = List.of();

    @Override
    public synchronized Location insert(Location location) {
        if (byId.containsKey(location.id())) {
            throw new AlreadyExistsException("id", "a location with id " + location.id() + " already exists");
        }
        requireUniqueKey(location);
        byId.put(location.id(), location);
        resort();
        return location;
    }

    @Override
    public synchronized Location update(Location location) {
        if (!byId.containsKey(location.id())) {
            throw new LocationNotFoundException(location.id());
        }
        requireUniqueKey(location);
        byId.put(location.id(), location);
        resort();
        return location;
    }

    private void requireUniqueKey(Location location) {
        for (Location other : byId.values()) {
            if (!other.id().equals(location.id()) && other.key().equals(location.key())) {
                throw new AlreadyExistsException("building", location.fullLabel() + " already exists");
            }
        }
    }

    @Override
    public Optional<Location> findById(String id) {
        return sorted.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    @Override
    public List<Location> findAll() {
        return sorted;
    }

    private void resort() {
        sorted = byId.values().stream().sorted(ORDER).toList();
    }
}
