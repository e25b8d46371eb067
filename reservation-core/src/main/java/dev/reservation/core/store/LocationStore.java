package dev.reservation.core.store;

import dev.reservation.core.domain.Location;
import java.util.List;
import java.util.Optional;

/** Port: where the sites, buildings and floors rooms are in live. Thread-safe; failures as in {@link UserStore}. */
public interface LocationStore {
    /**
     * Adds a location.
     *
     * @throws dev.reservation.core.domain.AlreadyExistsException when the id, or site + building + floor
     *         (case-insensitive), is taken
     */
    Location insert(Location location);

    /**
     * Replaces the location with the same id.
     *
     * @throws dev.reservation.core.domain.LocationNotFoundException when no location has that id
     * @throws dev.reservation.core.domain.AlreadyExistsException when another location has the same site + building + floor
     */
    Location update(Location location);

    Optional<Location> findById(String id);

    /** All locations ordered by site, building, floor (case-insensitive), then id. */
    List<Location> findAll();
}
