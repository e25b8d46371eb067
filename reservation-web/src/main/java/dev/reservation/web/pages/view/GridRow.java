package dev.reservation.web.pages.view;

import java.util.List;

/** A row of the time grid: a wall-clock time and one cell per day. Immutable, so thread-safe. */
public record GridRow(String time, List<GridCell> cells) {
}
