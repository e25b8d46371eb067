package dev.reservation.core.series;

import dev.reservation.core.domain.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Recur;

/**
 * A recurrence rule: the subset of RFC 5545's RRULE that series use: {@code FREQ} DAILY, WEEKLY or
 * MONTHLY, {@code INTERVAL}, {@code BYDAY} (in a MONTHLY rule with an ordinal: {@code 2TU} is the
 * second Tuesday, {@code -1FR} the last Friday), {@code BYMONTHDAY} (MONTHLY only), {@code WKST},
 * and at most one of {@code COUNT} or {@code UNTIL} (a date, e.g. {@code 20270301}, the last day
 * included; or a local date-time, in the room's zone). Neither makes the rule open-ended.
 *
 * <p>The expansion is iCal4j's {@link Recur}, over <em>local</em> date-times: a rule places dates
 * and a wall-clock time, never instants, so a 09:00 weekly meeting stays at 09:00 local across
 * daylight-saving changes; turning each into an instant under the room zone's rules (and reporting,
 * never shifting, one that falls in a gap or an overlap) is {@link SeriesPlanner}'s job. The start
 * day counts as an occurrence only when the rule picks it (iCal4j's reading; RFC 5545 would always
 * count DTSTART), so "weekly on Monday from a Wednesday" starts on the next Monday. Immutable.
 */
public final class Recurrence {
    /** No rule is expanded past this many occurrences at once. */
    public static final int MAX_OCCURRENCES = 500;
    private static final Set<String> PARTS = Set.of("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL", "WKST");
    private static final Set<String> FREQUENCIES = Set.of("DAILY", "WEEKLY", "MONTHLY");
    private static final Pattern DAY = Pattern.compile("[+-]?\\d{0,2}(MO|TU|WE|TH|FR|SA|SU)");
    private static final DateTimeFormatter BASIC_DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);

    private final String text;
    private final Recur<LocalDateTime> recur;
    private final Optional<LocalDateTime> until;
    private final OptionalInt count;

    private Recurrence(String text, Recur<LocalDateTime> recur, Optional<LocalDateTime> until, OptionalInt count) {
        this.text = text;
        this.recur = recur;
        this.until = until;
        this.count = count;
    }

    /**
     * Reads a rule such as {@code FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10} (an {@code RRULE:} prefix is fine).
     *
     * @throws InvalidInputException on {@code field}, naming what is wrong
     */
    public static Recurrence parse(String field, String rule) {
        if (rule == null || rule.isBlank()) {
            throw new InvalidInputException(field, "a repeat rule is required, e.g. FREQ=WEEKLY;BYDAY=MO;COUNT=10");
        }
        String body = rule.strip().toUpperCase(Locale.ROOT);
        if (body.startsWith("RRULE:")) {
            body = body.substring("RRULE:".length());
        }
        if (body.length() > 300) {
            throw new InvalidInputException(field, "a repeat rule is at most 300 characters");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : body.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new InvalidInputException(field, "'" + part + "' is not NAME=VALUE in the repeat rule");
            }
            String name = part.substring(0, eq).strip();
            if (!PARTS.contains(name)) {
                throw new InvalidInputException(field, name + " is not supported in a repeat rule; use FREQ, INTERVAL,"
                        + " BYDAY, BYMONTHDAY, COUNT or UNTIL");
            }
            if (parts.put(name, part.substring(eq + 1).strip()) != null) {
                throw new InvalidInputException(field, name + " appears twice in the repeat rule");
            }
        }
        String freq = parts.get("FREQ");
        if (freq == null || !FREQUENCIES.contains(freq)) {
            throw new InvalidInputException(field, "the repeat rule needs FREQ=DAILY, FREQ=WEEKLY or FREQ=MONTHLY");
        }
        if (parts.containsKey("COUNT") && parts.containsKey("UNTIL")) {
            throw new InvalidInputException(field, "give COUNT or UNTIL, not both");
        }
        int interval = number(field, parts, "INTERVAL", 1, 99).orElse(1);
        OptionalInt count = number(field, parts, "COUNT", 1, MAX_OCCURRENCES);
        if (parts.containsKey("BYMONTHDAY")) {
            if (!"MONTHLY".equals(freq)) {
                throw new InvalidInputException(field, "BYMONTHDAY goes with FREQ=MONTHLY only");
            }
            for (String d : parts.get("BYMONTHDAY").split(",")) {
                int day;
                try {
                    day = Integer.parseInt(d.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(field, "BYMONTHDAY takes day numbers 1 to 31 (or -1 for the last); '"
                            + d + "' is not one");
                }
                if (day == 0 || day > 31 || day < -31) {
                    throw new InvalidInputException(field, "BYMONTHDAY takes day numbers 1 to 31 (or -1 for the last)");
                }
            }
        }
        if (parts.containsKey("BYDAY")) {
            for (String d : parts.get("BYDAY").split(",")) {
                String day = d.strip();
                if (!DAY.matcher(day).matches()) {
                    throw new InvalidInputException(field, "BYDAY takes MO, TU, WE, TH, FR, SA, SU (in a monthly rule"
                            + " with an ordinal, e.g. 2TU or -1FR); '" + day + "' is not one");
                }
                boolean ordinal = !Character.isLetter(day.charAt(0));
                if (ordinal && !"MONTHLY".equals(freq)) {
                    throw new InvalidInputException(field, "an ordinal weekday such as " + day
                            + " goes with FREQ=MONTHLY only");
                }
                if (ordinal) {
                    int n = Integer.parseInt(day.substring(0, day.length() - 2).replace("+", ""));
                    if (n == 0 || n > 5 || n < -5) {
                        throw new InvalidInputException(field, "an ordinal weekday counts 1 to 5 or -1 to -5; '" + day
                                + "' does not");
                    }
                }
            }
        }
        Optional<LocalDateTime> until = Optional.ofNullable(parts.get("UNTIL")).map(u -> until(field, u));
        StringBuilder normal = new StringBuilder("FREQ=").append(freq);
        if (interval != 1) {
            normal.append(";INTERVAL=").append(interval);
        }
        for (String name : List.of("BYDAY", "BYMONTHDAY", "WKST")) {
            if (parts.containsKey(name)) {
                normal.append(';').append(name).append('=').append(parts.get(name).replace(" ", ""));
            }
        }
        count.ifPresent(c -> normal.append(";COUNT=").append(c));
        until.ifPresent(u -> normal.append(";UNTIL=").append(u.toLocalTime().equals(LocalTime.of(23, 59, 59))
                ? u.toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE) : BASIC_DATE_TIME.format(u)));
        // iCal4j reads UNTIL with the seed's type: hand it the local date-time form
        String forLibrary = normal.toString().replaceFirst(";UNTIL=[^;]*",
                until.map(u -> ";UNTIL=" + BASIC_DATE_TIME.format(u)).orElse(""))
                // RFC 5545's default week start is Monday; iCal4j's otherwise follows the default locale
                + (parts.containsKey("WKST") ? "" : ";WKST=MO");
        Recur<LocalDateTime> recur;
        try {
            recur = new Recur<>(forLibrary);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidInputException(field, "the repeat rule cannot be read: " + e.getMessage());
        }
        return new Recurrence(normal.toString(), recur, until, count);
    }

    private static OptionalInt number(String field, Map<String, String> parts, String name, int min, int max) {
        String value = parts.get(name);
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return OptionalInt.of(n);
            }
        } catch (NumberFormatException ignored) {
            // below
        }
        throw new InvalidInputException(field, name + " must be a whole number from " + min + " to " + max
                + "; '" + value + "' is not");
    }

    private static LocalDateTime until(String field, String value) {
        if (value.endsWith("Z")) {
            throw new InvalidInputException(field, "give UNTIL as a date, e.g. 20270301 (the last day included), or a "
                    + "local date-time without Z: times of a series are in the room's zone");
        }
        try {
            if (value.length() == 8) {
                return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).atTime(23, 59, 59);
            }
            return LocalDateTime.parse(value, BASIC_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "UNTIL must be a date such as 20270301; '" + value + "' is not one");
        }
    }

    /** The rule in a normal form: parts in a fixed order, UNTIL as a date when it was one. */
    public String text() {
        return text;
    }

    /** True when the rule has neither COUNT nor UNTIL: it goes on until cancelled. */
    public boolean openEnded() {
        return until.isEmpty() && count.isEmpty();
    }

    public OptionalInt count() {
        return count;
    }

    /** The last day an occurrence may fall on (from UNTIL), if the rule says. */
    public Optional<LocalDate> untilDay() {
        return until.map(LocalDateTime::toLocalDate);
    }

    /**
     * The dates the rule picks for a series whose first possible day is {@code firstDay} and whose
     * occurrences start at {@code at}, from {@code firstDay} through {@code through} (inclusive), in
     * order, without duplicates; COUNT counts from {@code firstDay}, whatever {@code through} cuts.
     *
     * @throws InvalidInputException when that is more than {@link #MAX_OCCURRENCES}
     */
    public List<LocalDate> dates(LocalDate firstDay, LocalTime at, LocalDate through) {
        return dates(firstDay, at, firstDay, through);
    }

    /**
     * {@link #dates(LocalDate, LocalTime, LocalDate)} only from {@code from} on (COUNT still counts from
     * {@code firstDay}): at most {@link #MAX_OCCURRENCES} in {@code [from, through]}.
     */
    public List<LocalDate> dates(LocalDate firstDay, LocalTime at, LocalDate from, LocalDate through) {
        if (from.isBefore(firstDay)) {
            from = firstDay;
        }
        if (through.isBefore(from)) {
            return List.of();
        }
        LocalDateTime seed = firstDay.atTime(at);
        LocalDateTime end = through.atTime(LocalTime.MAX);
        List<LocalDateTime> found = new ArrayList<>(recur.getDates(seed, from.atStartOfDay(), end));
        found.sort(null);
        if (found.size() > MAX_OCCURRENCES) {
            throw new InvalidInputException("repeat", "that rule makes " + found.size() + " occurrences by "
                    + through + "; a series has at most " + MAX_OCCURRENCES + " at once");
        }
        List<LocalDate> out = new ArrayList<>(found.size());
        for (LocalDateTime t : found) {
            LocalDate d = t.toLocalDate();
            if (!d.isBefore(from) && !d.isAfter(through) && (out.isEmpty() || out.get(out.size() - 1).isBefore(d))) {
                out.add(d);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recurrence r && r.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
