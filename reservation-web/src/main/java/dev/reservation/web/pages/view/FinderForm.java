package dev.reservation.web.pages.view;

import java.util.List;

/**
 * The free-room finder's fields as entered (strings, so that wrong input is shown back as typed).
 * Times are wall-clock times in {@code zone}.
 * Immutable, so thread-safe.
 */
public record FinderForm(String date, String start, String end, String seats, String zone, List<String> equipment) {
    public FinderForm {
        equipment = List.copyOf(equipment);
    }

    public boolean wants(String label) {
        return equipment.contains(label);
    }
}
