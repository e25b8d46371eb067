package dev.reservation.core.service;

import dev.reservation.core.domain.Location;
import dev.reservation.core.domain.Room;
import dev.reservation.core.store.LocationStore;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How near two rooms are, as people judge it: the same building, else the same site (city), else
 * the same zone, else anywhere. Rooms with a {@link Location} are judged by it; rooms with only a
 * free-text location by its text before the first comma ("Berlin HQ" of "Berlin HQ, 2nd floor")
 * as the building and their zone as the city. One snapshot of the locations per instance; cheap to
 * make per search. Not thread-safe beyond that snapshot (immutable after construction).
 */
public final class Places {
    public static final int SAME_BUILDING = 0;
    public static final int SAME_SITE = 1;
    public static final int SAME_ZONE = 2;
    public static final int ELSEWHERE = 3;

    private final Map<String, Location> locations;

    private Places(Map<String, Location> locations) {
        this.locations = locations;
    }

    public static Places of(LocationStore store) {
        return new Places(store == null ? Map.of() : store.findAll().stream()
                .collect(Collectors.toMap(Location::id, Function.identity())));
    }

    public Optional<Location> locationOf(Room room) {
        return room.locationId() == null ? Optional.empty() : Optional.ofNullable(locations.get(room.locationId()));
    }

    /** 0 for the same building, 1 the same site, 2 the same zone, 3 elsewhere. */
    public int distance(Room from, Room to) {
        Optional<Location> a = locationOf(from);
        Optional<Location> b = locationOf(to);
        if (a.isPresent() && b.isPresent()) {
            if (a.get().sameBuildingAs(b.get())) {
                return SAME_BUILDING;
            }
            if (a.get().sameSiteAs(b.get())) {
                return SAME_SITE;
            }
        } else if (building(from).equals(building(to))) {
            return SAME_BUILDING;
        }
        return from.zone().equals(to.zone()) ? SAME_ZONE : ELSEWHERE;
    }

    /** Whether the room is at {@code place}: a site ("Berlin") or site/building ("Berlin/Berlin HQ"). */
    public boolean isAt(Room room, String place) {
        if (place == null) {
            return true;
        }
        String wanted = place.strip().toLowerCase(Locale.ROOT);
        int slash = wanted.indexOf('/');
        String site = slash < 0 ? wanted : wanted.substring(0, slash).strip();
        String building = slash < 0 ? null : wanted.substring(slash + 1).strip();
        Optional<Location> at = locationOf(room);
        if (at.isPresent()) {
            return at.get().site().toLowerCase(Locale.ROOT).equals(site)
                    && (building == null || at.get().building().toLowerCase(Locale.ROOT).equals(building));
        }
        String text = room.location().toLowerCase(Locale.ROOT);
        return building != null ? building(room).equals(building) : text.contains(site);
    }

    private static String building(Room room) {
        String text = room.location().toLowerCase(Locale.ROOT);
        int comma = text.indexOf(',');
        return (comma < 0 ? text : text.substring(0, comma)).strip();
    }
}
