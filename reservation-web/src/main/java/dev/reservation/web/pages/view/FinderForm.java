package dev.reservation.web.pages.view;

import java.util.List;

/**
 * The free-room finder's fields as entered (strings, so that wrong input is shown back as typed).
 * Times are wall-clock times in {@code zone}; {@code place} is a site ("Berlin") or a site and
 * building ("Berlin/Berlin HQ"), blank for anywhere; {@code places} are the choices.
 * Immutable, so thread-safe.
 */
public record FinderForm(String date, String start, String end, String seats, String zone, List<String> equipment,
                         String place, List<Place> places) {
    /** One choice of the location filter. */
    public record Place(String value, String label) {
    }

    public FinderForm {
        equipment = List.copyOf(equipment);
        places = List.copyOf(places);
    }

    public FinderForm(String date, String start, String end, String seats, String zone, List<String> equipment) {
        this(date, start, end, seats, zone, equipment, null, List.of());
    }

    public boolean wants(String label) {
        return equipment.contains(label);
    }

    public boolean at(String value) {
        return value.equals(place == null ? "" : place);
    }
}
