package dev.reservation.core.service;

import java.time.ZoneId;

/**
 * What it takes to create a location; the id is assigned by {@link LocationService}. A null zone
 * takes the zone of the site's other locations.
 */
public record NewLocation(String site, String building, String floor, ZoneId zone) {
}
