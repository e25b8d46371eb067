package dev.reservation.harness;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them in reports and progress lines: {@code 750 ms}, {@code 4 s}, {@code 1.5 s}, {@code 2 min}. */
public final class Durations {
    private Durations() {
    }

    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 120_000 || ms % 60_000 != 0) {
            return ms % 1_000 == 0 ? ms / 1_000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return ms / 60_000 + " min";
    }
}
