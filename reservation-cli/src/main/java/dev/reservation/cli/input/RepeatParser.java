package dev.reservation.cli.input;

import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.series.Recurrence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the friendly repeat options into an RRULE: {@code --every monday,wednesday}, {@code day},
 * {@code weekday}, {@code week} (on the first day's weekday), {@code month} (on the first day's date),
 * {@code 2nd tuesday} or {@code last friday} (monthly), with {@code --until 2027-03-01} or
 * {@code --count 10}; or passes {@code --repeat} (an RRULE) through. Stateless; thread-safe.
 */
public final class RepeatParser {
    private static final Map<String, String> ORDINALS = Map.of("1st", "1", "first", "1", "2nd", "2", "second", "2",
            "3rd", "3", "third", "3", "4th", "4", "fourth", "4", "last", "-1");

    private RepeatParser() {
    }

    /**
     * The rule, from either {@code repeat} (an RRULE) or {@code every} with {@code until}/{@code count}.
     *
     * @throws InvalidInputException naming the option at fault
     */
    public static String rule(String repeat, String every, String until, Integer count, LocalDate firstDay) {
        if (repeat != null && every != null) {
            throw new InvalidInputException("--repeat", "give --repeat or --every, not both");
        }
        if (repeat != null) {
            if (until != null || count != null) {
                throw new InvalidInputException("--repeat", "put UNTIL or COUNT inside --repeat, not --until/--count");
            }
            return Recurrence.parse("--repeat", repeat).text();
        }
        if (until != null && count != null) {
            throw new InvalidInputException("--until", "give --until or --count, not both");
        }
        StringBuilder rule = new StringBuilder(every(every.strip().toLowerCase(Locale.ROOT), firstDay));
        if (until != null) {
            try {
                rule.append(";UNTIL=").append(LocalDate.parse(until.strip()).format(DateTimeFormatter.BASIC_ISO_DATE));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("--until", "--until must be a date like 2027-03-01; '" + until
                        + "' is not one");
            }
        }
        if (count != null) {
            rule.append(";COUNT=").append(count);
        }
        return Recurrence.parse("--every", rule.toString()).text();
    }

    private static String every(String every, LocalDate firstDay) {
        switch (every) {
            case "day", "daily" -> {
                return "FREQ=DAILY";
            }
            case "weekday", "weekdays", "workday" -> {
                return "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
            }
            case "week", "weekly" -> {
                return "FREQ=WEEKLY;BYDAY=" + code(firstDay.getDayOfWeek());
            }
            case "month", "monthly" -> {
                return "FREQ=MONTHLY;BYMONTHDAY=" + firstDay.getDayOfMonth();
            }
            default -> {
            }
        }
        String[] words = every.split("\\s+");
        if (words.length == 2 && ORDINALS.containsKey(words[0])) {
            return "FREQ=MONTHLY;BYDAY=" + ORDINALS.get(words[0]) + code(day(words[1]));
        }
        List<String> days = new ArrayList<>();
        for (String d : every.split("[,\\s]+")) {
            if (!d.isBlank()) {
                days.add(code(day(d)));
            }
        }
        return "FREQ=WEEKLY;BYDAY=" + String.join(",", days);
    }

    private static DayOfWeek day(String word) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String name = d.name().toLowerCase(Locale.ROOT);
            if (word.equals(name) || word.equals(name + "s") || word.length() >= 3 && name.startsWith(word)) {
                return d;
            }
        }
        throw new InvalidInputException("--every", "--every takes day, weekday, week, month, weekday names"
                + " (monday,wednesday) or '2nd tuesday' / 'last friday'; '" + word + "' is none of them");
    }

    private static String code(DayOfWeek d) {
        return d.name().substring(0, 2);
    }
}
