package dev.reservation.core.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a room can be equipped with; free-room searches can require any combination. */
public enum Equipment {
    PROJECTOR,
    VIDEO_CONFERENCING,
    WHITEBOARD,
    SCREEN,
    PHONE;

    /** Parses {@code projector}, {@code video-conferencing}, {@code VIDEO_CONFERENCING} alike. */
    public static Equipment parse(String text) {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Equipment e : values()) {
            if (e.name().equals(key)) {
                return e;
            }
        }
        throw new InvalidInputException("equipment", "unknown equipment '" + text + "'; known: "
                + Arrays.stream(values()).map(Equipment::label).collect(Collectors.joining(", ")));
    }

    /** The lower-case, dash-separated name used in URLs, JSON and the CLI. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
