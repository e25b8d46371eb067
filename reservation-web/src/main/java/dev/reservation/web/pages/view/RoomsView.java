package dev.reservation.web.pages.view;

import java.util.List;
import java.util.Map;

/**
 * The /rooms page: all rooms with availability, and the free-room finder with its results.
 *
 * @param results the finder's results, or null when nothing was searched
 * @param searched a description of the search ("free 2026-03-02 10:00–11:00 Europe/Berlin, 4+ seats")
 * Immutable, so thread-safe.
 */
public record RoomsView(List<RoomRow> rooms, FinderForm finder, List<String> zones, List<String> equipment,
                        Map<String, String> errors, List<RoomRow> results, String searched) {
    public RoomsView {
        errors = Map.copyOf(errors);
    }

    public String error(String field) {
        return errors.get(field);
    }
}
