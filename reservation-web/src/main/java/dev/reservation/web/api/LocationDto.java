package dev.reservation.web.api;

import dev.reservation.core.domain.Location;

/** A location as the API shows it: site, building, floor (may be null), the site's zone, the label rooms show. */
public record LocationDto(String id, String site, String building, String floor, String zone, String label) {
    public static LocationDto of(Location l) {
        return new LocationDto(l.id(), l.site(), l.building(), l.floor(), l.zone().getId(), l.label());
    }
}
