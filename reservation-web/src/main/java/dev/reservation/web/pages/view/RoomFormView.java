package dev.reservation.web.pages.view;

import java.util.List;
import java.util.Map;
import dev.reservation.web.api.LocationDto;

/**
 * An ADMIN's form for a new room ({@code id} null) or an existing one, values as entered, with the
 * equipment, zones and locations to choose from and field errors. Immutable, so thread-safe.
 */
public record RoomFormView(String id, String name, String location, String capacity, List<String> equipment,
                           String zone, boolean active, List<String> allEquipment, List<String> zones,
                           Map<String, String> errors, String locationId,
                           List<LocationDto> locations) {
    public RoomFormView {
        locations = List.copyOf(locations);
        equipment = List.copyOf(equipment);
        errors = Map.copyOf(errors);
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean has(String label) {
        return equipment.contains(label);
    }

    public String error(String field) {
        return errors.get(field);
    }
}
