package dev.reservation.core.domain;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Where rooms are: a site (a city or campus, e.g. "Berlin"), a building on it ("Berlin HQ") and
 * optionally a floor ("2nd floor"). The zone is the site's, and the default zone of rooms created
 * there. Site, building and floor together are unique (compared case-insensitively). Immutable.
 */
public record Location(String id, String site, String building, String floor, ZoneId zone) {
    public Location {
        id = InvalidInputException.requireText("id", id, 64);
        site = InvalidInputException.requireText("site", site, 100);
        building = InvalidInputException.requireText("building", building, 100);
        floor = floor == null || floor.isBlank() ? null : InvalidInputException.requireText("floor", floor, 100);
        if (zone == null) {
            throw new InvalidInputException("zone", "time zone is required");
        }
    }

    /** How people name it: "Berlin HQ, 2nd floor" (the site is usually part of the building's name). */
    public String label() {
        return floor == null ? building : building + ", " + floor;
    }

    /** "Berlin · Berlin HQ, 2nd floor": with the site, for lists across sites. */
    public String fullLabel() {
        return building.toLowerCase(Locale.ROOT).contains(site.toLowerCase(Locale.ROOT)) ? label()
                : site + " · " + label();
    }

    /** The key under which site, building and floor are unique. */
    public String key() {
        return (site + "|" + building + "|" + (floor == null ? "" : floor)).toLowerCase(Locale.ROOT);
    }

    /** Same building on the same site (the floor may differ). */
    public boolean sameBuildingAs(Location other) {
        return sameSiteAs(other) && building.equalsIgnoreCase(other.building);
    }

    public boolean sameSiteAs(Location other) {
        return other != null && site.equalsIgnoreCase(other.site);
    }
}
