package dev.reservation.web.http;

import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.InvalidInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses raw request values (query parameters, form fields, JSON strings) and collects one message
 * per bad field, so that a form shows every problem at once. Use one instance per request, then
 * call {@link #throwIfAny()}. Not thread-safe.
 */
public final class Params {
    /** Longest id, email or free-text query value accepted anywhere. */
    public static final int MAX_KEY = 254;

    private final Map<String, String> errors = new LinkedHashMap<>();

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Map<String, String> errors() {
        return Map.copyOf(errors);
    }

    public void reject(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
    }

    /** A stripped value of at most {@code max} characters; empty when blank (and an error if required). */
    public Optional<String> text(String field, String raw, int max, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                reject(field, field + " is required");
            }
            return Optional.empty();
        }
        String value = raw.strip();
        if (value.length() > max) {
            reject(field, field + " must be at most " + max + " characters");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** An ISO-8601 instant with an offset: {@code 2026-03-02T09:00:00Z} or {@code 2026-03-02T10:00+01:00}. */
    public Optional<Instant> instant(String field, String raw, boolean required) {
        return text(field, raw, 64, required).flatMap(value -> {
            try {
                return Optional.of(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            } catch (DateTimeException e) {
                reject(field, field + " must be an ISO-8601 instant with an offset, e.g. 2026-03-02T09:00:00Z; '"
                        + shorten(value) + "' is not one (or not a real date)");
                return Optional.empty();
            }
        });
    }

    /** A calendar date {@code yyyy-MM-dd}; impossible dates such as 2026-02-30 are refused. */
    public Optional<LocalDate> date(String field, String raw, boolean required) {
        return text(field, raw, 32, required).flatMap(value -> {
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeException e) {
                reject(field, field + " must be a date like 2026-03-02; '" + shorten(value) + "' is not a real date");
                return Optional.empty();
            }
        });
    }

    /** A time of day {@code HH:mm}. */
    public Optional<LocalTime> time(String field, String raw, boolean required) {
        return text(field, raw, 16, required).flatMap(value -> {
            try {
                return Optional.of(LocalTime.parse(value));
            } catch (DateTimeException e) {
                reject(field, field + " must be a time like 09:30; '" + shorten(value) + "' is not one");
                return Optional.empty();
            }
        });
    }

    /** A whole number within {@code [min, max]}. */
    public Optional<Integer> integer(String field, String raw, int min, int max, boolean required) {
        return text(field, raw, 12, required).flatMap(value -> {
            try {
                int n = Integer.parseInt(value);
                if (n < min || n > max) {
                    reject(field, field + " must be between " + min + " and " + max);
                    return Optional.empty();
                }
                return Optional.of(n);
            } catch (NumberFormatException e) {
                reject(field, field + " must be a whole number; '" + shorten(value) + "' is not one");
                return Optional.empty();
            }
        });
    }

    /** Equipment labels, each value possibly comma-separated: {@code projector,whiteboard}. */
    public Set<Equipment> equipment(String field, List<String> raw) {
        Set<Equipment> result = EnumSet.noneOf(Equipment.class);
        for (String value : raw) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    result.add(Equipment.parse(part.length() > 40 ? part.substring(0, 40) : part));
                } catch (InvalidInputException e) {
                    reject(field, e.getMessage());
                }
            }
        }
        return result;
    }

    /** A value short enough to quote back in a message. */
    public static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
