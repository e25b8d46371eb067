package dev.reservation.web.pages.view;

import java.util.List;

/**
 * The /rooms/{id} page: the room, its availability now, and a day or week time grid in the room's
 * zone, with links to move through days and weeks.
 * Immutable, so thread-safe.
 */
public record RoomView(RoomRow room, boolean week, String firstDay, String prevLink, String nextLink,
                       String dayLink, String weekLink, List<String> days, List<GridRow> grid) {
}
