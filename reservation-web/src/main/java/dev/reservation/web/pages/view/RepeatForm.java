package dev.reservation.web.pages.view;

import dev.reservation.core.domain.InvalidInputException;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The "Repeat" section of the reserve form, values kept as typed: {@code repeat} is none, daily,
 * weekly (on {@code days}, MO…SU), monthly-date (the first day's date) or monthly-weekday (the first
 * day's weekday, e.g. the 2nd Tuesday, or the last one); it ends after {@code count} occurrences,
 * on {@code until}, or never; {@code skip} books the free days when some clash. Immutable.
 */
public record RepeatForm(String repeat, List<String> days, String ends, String count, String until, boolean skip) {
    public static final List<String> CODES = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    public static final List<String> NAMES = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday");

    public RepeatForm {
        repeat = repeat == null || repeat.isBlank() ? "none" : repeat.strip();
        days = days == null ? List.of() : days.stream().filter(CODES::contains).distinct().toList();
        ends = ends == null || ends.isBlank() ? "count" : ends.strip();
        count = count == null ? "" : count.strip();
        until = until == null ? "" : until.strip();
    }

    public static RepeatForm none() {
        return new RepeatForm("none", List.of(), "count", "10", "", false);
    }

    public static RepeatForm fromBody(Context ctx) {
        return new RepeatForm(ctx.formParam("repeat"), ctx.formParams("repeatDays"), ctx.formParam("repeatEnds"),
                ctx.formParam("repeatCount"), ctx.formParam("repeatUntil"), ctx.formParam("repeatSkip") != null);
    }

    public boolean active() {
        return !"none".equals(repeat);
    }

    public boolean is(String option) {
        return repeat.equals(option);
    }

    public boolean hasDay(String code) {
        return days.contains(code);
    }

    public boolean endsBy(String option) {
        return ends.equals(option);
    }

    /**
     * The RRULE this section asks for, for a series starting on {@code firstDay}.
     *
     * @throws InvalidInputException on the field at fault
     */
    public String rule(LocalDate firstDay) {
        String base = switch (repeat) {
            case "daily" -> "FREQ=DAILY";
            case "weekly" -> "FREQ=WEEKLY;BYDAY=" + (days.isEmpty()
                    ? CODES.get(firstDay.getDayOfWeek().ordinal()) : String.join(",", days));
            case "monthly-date" -> "FREQ=MONTHLY;BYMONTHDAY=" + firstDay.getDayOfMonth();
            case "monthly-weekday" -> {
                int nth = (firstDay.getDayOfMonth() - 1) / 7 + 1;
                yield "FREQ=MONTHLY;BYDAY=" + (nth > 4 ? -1 : nth) + CODES.get(firstDay.getDayOfWeek().ordinal());
            }
            default -> throw new InvalidInputException("repeat", "choose how it repeats: none, daily, weekly, monthly");
        };
        return switch (ends) {
            case "count" -> {
                int n;
                try {
                    n = Integer.parseInt(count);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("repeatCount", "give how many times, e.g. 10");
                }
                if (n < 1 || n > 500) {
                    throw new InvalidInputException("repeatCount", "a series has 1 to 500 occurrences");
                }
                yield base + ";COUNT=" + n;
            }
            case "until" -> {
                try {
                    yield base + ";UNTIL=" + LocalDate.parse(until).format(DateTimeFormatter.BASIC_ISO_DATE);
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException("repeatUntil", "give the last day, e.g. 2026-06-30");
                }
            }
            case "never" -> base;
            default -> throw new InvalidInputException("repeatEnds", "choose when it ends");
        };
    }
}
