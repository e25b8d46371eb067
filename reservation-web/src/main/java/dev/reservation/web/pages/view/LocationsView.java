package dev.reservation.web.pages.view;

import java.util.List;
import java.util.Map;

/**
 * The /locations page: every site, building and floor with its zone and how many rooms are there,
 * and for an ADMIN the form to add one or edit one ({@code editingId}). Immutable, so thread-safe.
 */
public record LocationsView(List<Row> locations, String editingId, String site, String building, String floor,
                            String zone, List<String> zones, Map<String, String> errors, String notice) {
    /** One location as listed. */
    public record Row(String id, String site, String building, String floor, String zone, long rooms) {
    }

    public LocationsView {
        locations = List.copyOf(locations);
        zones = List.copyOf(zones);
        errors = Map.copyOf(errors);
    }

    public boolean editing() {
        return editingId != null;
    }

    public String error(String field) {
        return errors.get(field);
    }
}
