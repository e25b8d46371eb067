package dev.reservation.web.api;

import java.util.List;

/**
 * The body of {@code POST /api/v1/rooms} and {@code PUT /api/v1/rooms/{id}}: every field, as
 * {@code PUT} replaces the room's description. With {@code locationId} the room is at that location:
 * {@code location} and {@code zone} may then be left out (the location's label and its site's zone). Immutable, so thread-safe.
 */
public record RoomBody(String name, String location, Integer capacity, List<String> equipment, String zone,
                       String locationId) {
}
