package dev.reservation.harness.workload;

import dev.reservation.core.domain.TimeSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The workload's shape as the command line asks for it, and the windows of future time each trial
 * books in. Immutable; validated here (messages name the flag).
 *
 * <ul>
 *   <li>{@code contention} (default): few rooms, slots of 15, 30, 45 or 60 minutes on a 15-minute grid
 *       inside a hot window ({@code --hot-window}, default 4 h) that sweeps the trial's window (24 h
 *       around a UTC midnight, so some bookings need two room-day buckets) over the trial; concurrent
 *       overlapping attempts are common (the summary says how common), and a share of acknowledged
 *       bookings ({@code --cancel-fraction}) is cancelled a few operations later.</li>
 *   <li>{@code spread}: the workload before contention mode: 15-minute slots on a 5-minute grid over
 *       up to 14 days per trial, no cancellations; bookings rarely overlap. For steady ok writes while
 *       measuring failover timings, not for finding double bookings.</li>
 * </ul>
 * Trials use consecutive windows, so their bookings never contend with each other's.
 */
public record WorkloadSettings(Mode mode, int rooms, Duration hotWindow, double readFraction, double cancelFraction) {
    /** All trials' windows together stay inside the booking horizon (180 days). */
    static final Duration ALL_TRIALS = Duration.ofDays(170);
    private static final Duration MAX_SPREAD_WINDOW = Duration.ofDays(14);
    private static final Duration CONTENTION_WINDOW = Duration.ofDays(1);
    private static final Duration CONTENTION_GRID = Duration.ofMinutes(15);
    private static final List<Duration> CONTENTION_LENGTHS = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofMinutes(45), Duration.ofMinutes(60));

    public enum Mode {
        CONTENTION, SPREAD;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode parse(String text) {
            String wanted = text.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(m -> m.label().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + text + "'; choose one of "
                            + Arrays.stream(values()).map(Mode::label).collect(Collectors.joining(", "))));
        }
    }

    public WorkloadSettings {
        require(mode != null, "--workload is required");
        require(rooms >= 1 && rooms <= 10, "--rooms must be between 1 and 10 (the demo rooms)");
        require(readFraction >= 0 && readFraction <= 1, "--read-fraction must be within 0..1");
        require(cancelFraction >= 0 && cancelFraction <= 1, "--cancel-fraction must be within 0..1");
        require(hotWindow != null && hotWindow.compareTo(Duration.ofHours(1)) >= 0
                && hotWindow.compareTo(CONTENTION_WINDOW) <= 0, "--hot-window must be between 1h and 24h");
    }

    /** The window of future time trial {@code trial} of {@code trials} books in; {@code base} is a UTC midnight at least a day ahead. */
    public TimeSlot window(Instant base, int trial, int trials) {
        Duration share = ALL_TRIALS.dividedBy(trials);
        if (mode == Mode.SPREAD) {
            Duration span = share.compareTo(MAX_SPREAD_WINDOW) < 0 ? share : MAX_SPREAD_WINDOW;
            return TimeSlot.of(base.plus(span.multipliedBy(trial - 1L)), span);
        }
        Duration span = share.compareTo(CONTENTION_WINDOW) < 0 ? share : CONTENTION_WINDOW;
        return TimeSlot.of(base.minus(span.dividedBy(2)).plus(span.multipliedBy(trial - 1L)), span);
    }

    /** What the clients of one trial ask for. */
    public WorkloadSpec spec(List<String> roomIds, List<String> users, TimeSlot window, String keyPrefix, int trial) {
        if (mode == Mode.SPREAD) {
            return new WorkloadSpec(roomIds, users, window, window.duration(), List.of(Duration.ofMinutes(15)),
                    Duration.ofMinutes(5), readFraction, 0, keyPrefix, trial);
        }
        Duration hot = hotWindow.compareTo(window.duration()) > 0 ? window.duration() : hotWindow;
        return new WorkloadSpec(roomIds, users, window, hot, CONTENTION_LENGTHS, CONTENTION_GRID, readFraction,
                cancelFraction, keyPrefix, trial);
    }

    /** One line for reports. */
    public String describe() {
        if (mode == Mode.SPREAD) {
            return "spread: 15-minute slots on a 5-minute grid over up to 14 days per trial in " + rooms
                    + " room(s), reads " + Math.round(readFraction * 100) + "%, no cancellations";
        }
        return "contention: slots of 15-60 minutes on a 15-minute grid in a " + hotWindow.toHours()
                + " h hot window sweeping 24 h around a UTC midnight, " + rooms + " room(s), reads "
                + Math.round(readFraction * 100) + "%, " + Math.round(cancelFraction * 100)
                + "% of ok bookings cancelled later";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
