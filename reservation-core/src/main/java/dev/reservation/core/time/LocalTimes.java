package dev.reservation.core.time;

import dev.reservation.core.domain.InvalidInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns wall-clock times into instants under a zone's rules, never shifting silently:
 * <ul>
 *   <li>a local time in a gap (spring forward: on 2027-03-28 Berlin goes from 02:00 straight to
 *       03:00) is refused, saying so;</li>
 *   <li>a local time in an overlap (autumn: 02:30 happens twice) is refused naming both choices,
 *       unless an offset picks one;</li>
 *   <li>an offset that the zone never has at that local time is refused.</li>
 * </ul>
 * Failures are {@link InvalidInputException}s on the caller's field. Stateless; thread-safe.
 */
public final class LocalTimes {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    /** An offset at the end of a date-time: {@code Z}, {@code +01:00}, {@code -0500}, {@code +01}. */
    private static final Pattern TRAILING_OFFSET = Pattern.compile("(?i).*T\\d.*(Z|[+-]\\d\\d(:?\\d\\d)?)$");

    private LocalTimes() {
    }

    /** {@link #resolve(String, LocalDateTime, ZoneId, ZoneOffset)} without an offset. */
    public static Instant resolve(String field, LocalDateTime local, ZoneId zone) {
        return resolve(field, local, zone, null);
    }

    /** {@link #resolve(String, LocalDateTime, ZoneId, ZoneOffset)} for a date and a time of day. */
    public static Instant resolve(String field, LocalDate date, LocalTime time, ZoneId zone, ZoneOffset offset) {
        return resolve(field, date.atTime(time), zone, offset);
    }

    /**
     * The instant {@code local} names in {@code zone}.
     *
     * @param offset which of two readings to take in an overlap; when given it must be one the zone
     *               has at that local time; {@code null} for none
     * @throws InvalidInputException on {@code field} for a gap, an overlap without a (valid) offset,
     *                               or an offset the zone does not have then
     */
    public static Instant resolve(String field, LocalDateTime local, ZoneId zone, ZoneOffset offset) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> valid = rules.getValidOffsets(local);
        if (valid.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            throw new InvalidInputException(field, DAY_TIME.format(local) + " does not exist in " + zone.getId()
                    + ": clocks jump from " + HOUR.format(gap.getDateTimeBefore()) + " to "
                    + HOUR.format(gap.getDateTimeAfter()) + " that day; pick a time outside "
                    + HOUR.format(gap.getDateTimeBefore()) + "–" + HOUR.format(gap.getDateTimeAfter()));
        }
        if (offset != null) {
            if (!valid.contains(offset)) {
                throw new InvalidInputException(field, DAY_TIME.format(local) + offset.getId()
                        + " is not a time in " + zone.getId() + ", which is then at "
                        + String.join(" or ", valid.stream().map(o -> choice(local, o, zone)).toList()));
            }
            return local.toInstant(offset);
        }
        if (valid.size() > 1) {
            throw new InvalidInputException(field, DAY_TIME.format(local) + " happens twice in " + zone.getId()
                    + " (clocks go back that night): " + choice(local, valid.get(0), zone) + " or "
                    + choice(local, valid.get(1), zone) + "; give an offset to say which");
        }
        return local.toInstant(valid.get(0));
    }

    /** The offsets {@code local} may have in {@code zone}: none in a gap, two in an overlap. */
    public static List<ZoneOffset> offsets(LocalDateTime local, ZoneId zone) {
        return zone.getRules().getValidOffsets(local);
    }

    /** "02:30+02:00 (CEST)": a local time with an offset and the zone's name for it. */
    public static String choice(LocalDateTime local, ZoneOffset offset, ZoneId zone) {
        return HOUR.format(local) + offset.getId() + " (" + abbreviation(local.toInstant(offset), zone) + ")";
    }

    /** The zone's short name at that instant, e.g. CET or CEST; the offset where the zone has none. */
    public static String abbreviation(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(instant.atZone(zone));
    }

    /** A zone's long name, e.g. "Central European Time"; for screen readers and tooltips. */
    public static String displayName(ZoneId zone) {
        return zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** What a date-time text was read as: an instant (it carried an offset) or a local time in a zone. */
    public record Reading(Instant instant, boolean local, ZoneId zone) {
    }

    /**
     * Reads an ISO-8601 date-time: with an offset ({@code 2027-03-28T09:00:00Z},
     * {@code 2027-10-31T02:30+01:00}) it is that instant, except that when {@code zone} has two
     * readings of that local time the offset picks one (and must be one of them); without an offset
     * ({@code 2027-03-28T10:00}, a space instead of {@code T} is fine) it is a local time in
     * {@code zone}, resolved as {@link #resolve}. {@code zone} may be null: then an offset is required.
     */
    public static Reading parse(String field, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        String iso = text.strip().replaceFirst(" ", "T");
        if (TRAILING_OFFSET.matcher(iso).matches()) {
            OffsetDateTime odt;
            try {
                odt = OffsetDateTime.parse(iso.replaceFirst("z$", "Z"));
            } catch (DateTimeException e) {
                throw notATime(field, text, zone);
            }
            if (zone != null && !iso.endsWith("Z") && !iso.endsWith("z")
                    && offsets(odt.toLocalDateTime(), zone).size() > 1) {
                resolve(field, odt.toLocalDateTime(), zone, odt.getOffset()); // refuses an offset that is neither
            }
            return new Reading(odt.toInstant(), false, zone);
        }
        if (zone == null) {
            throw new InvalidInputException(field, field + " must be an ISO-8601 instant with an offset, e.g."
                    + " 2026-03-02T09:00:00Z, or a local date-time with a zone; '" + shorten(text) + "' has no offset");
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(iso);
        } catch (DateTimeException e) {
            throw notATime(field, text, zone);
        }
        return new Reading(resolve(field, local, zone), true, zone);
    }

    /** Reads an offset such as {@code +01:00}, {@code -05:00} or {@code Z}; empty when blank. */
    public static Optional<ZoneOffset> offset(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneOffset.of(text.strip().toUpperCase(Locale.ROOT)));
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, field + " must be an offset like +01:00; '" + shorten(text)
                    + "' is not one");
        }
    }

    private static InvalidInputException notATime(String field, String text, ZoneId zone) {
        return new InvalidInputException(field, field + " must be an ISO-8601 date-time, e.g. 2026-03-02T09:00:00Z"
                + (zone == null ? "" : " or a local 2026-03-02T10:00 in " + zone.getId()) + "; '" + shorten(text)
                + "' is not one (or not a real date)");
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
