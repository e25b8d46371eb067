package dev.reservation.core.service;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Location;
import dev.reservation.core.domain.LocationNotFoundException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.store.LocationStore;
import dev.reservation.core.store.RoomStore;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Sites, buildings and floors as data: ADMINs create and rename them; reads are open to everyone.
 * A site has one zone, the default zone of rooms created there; a new location on a known site
 * takes that site's zone when none is given. Renaming a location relabels its rooms. Thread-safe.
 */
public final class LocationService {
    private final LocationStore locations;
    private final RoomStore rooms;
    private final IdGenerator ids;

    public LocationService(LocationStore locations, RoomStore rooms, IdGenerator ids) {
        this.locations = locations;
        this.rooms = rooms;
        this.ids = ids;
    }

    /** @throws dev.reservation.core.domain.AlreadyExistsException when the site has that building and floor */
    public Location create(Actor actor, NewLocation request) {
        Permissions.require(actor, Permissions.Operation.MANAGE_LOCATIONS, null);
        return locations.insert(new Location(ids.newId(), request.site(), request.building(), request.floor(),
                zoneFor(request)));
    }

    /** Replaces site, building, floor and zone; the rooms there keep their own zones but take the new label. */
    public Location update(Actor actor, String locationId, NewLocation changes) {
        Permissions.require(actor, Permissions.Operation.MANAGE_LOCATIONS, null);
        get(locationId);
        Location updated = locations.update(new Location(locationId, changes.site(), changes.building(),
                changes.floor(), zoneFor(changes)));
        for (Room room : rooms.findAll()) {
            if (locationId.equals(room.locationId()) && !room.location().equals(updated.label())) {
                rooms.update(new Room(room.id(), room.name(), updated.label(), room.capacity(), room.equipment(),
                        room.zone(), room.active(), room.locationId()));
            }
        }
        return updated;
    }

    private ZoneId zoneFor(NewLocation request) {
        if (request.zone() != null) {
            return request.zone();
        }
        return siteZone(request.site()).orElseThrow(() -> new InvalidInputException("zone",
                "a new site needs a time zone (e.g. Europe/Berlin)"));
    }

    /** The zone of the site's locations, if the site has any. */
    public Optional<ZoneId> siteZone(String site) {
        return site == null ? Optional.empty() : locations.findAll().stream()
                .filter(l -> l.site().equalsIgnoreCase(site.strip())).map(Location::zone).findFirst();
    }

    public List<Location> list() {
        return locations.findAll();
    }

    public Location get(String id) {
        return locations.findById(id).orElseThrow(() -> new LocationNotFoundException(id));
    }

    /** The distinct sites, in order. */
    public List<String> sites() {
        return locations.findAll().stream().map(Location::site).distinct().toList();
    }
}
