package dev.reservation.harness.history;

import dev.reservation.core.domain.TimeSlot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a read saw, as it is kept in the history: one entry per reservation,
 * {@code id|key|status|startEpochSecond|endEpochSecond}, entries separated by {@code ;} (ids, keys and
 * statuses never hold either character). Pure.
 */
public final class Seen {
    /** One reservation a read returned. {@code key} is empty for reservations without an idempotency key. */
    public record Entry(String id, String key, String status, TimeSlot slot) {
        public boolean confirmed() {
            return "CONFIRMED".equals(status);
        }
    }

    private Seen() {
    }

    public static String encode(List<Entry> entries) {
        StringBuilder s = new StringBuilder();
        for (Entry e : entries) {
            if (s.length() > 0) {
                s.append(';');
            }
            s.append(e.id()).append('|').append(e.key() == null ? "" : e.key()).append('|').append(e.status())
                    .append('|').append(e.slot().start().getEpochSecond()).append('|').append(e.slot().end().getEpochSecond());
        }
        return s.toString();
    }

    public static List<Entry> decode(String text) {
        List<Entry> entries = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return entries;
        }
        for (String part : text.split(";")) {
            String[] f = part.split("\\|", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException("not a read entry: '" + part + "'");
            }
            entries.add(new Entry(f[0], f[1], f[2], new TimeSlot(Instant.ofEpochSecond(Long.parseLong(f[3])),
                    Instant.ofEpochSecond(Long.parseLong(f[4])))));
        }
        return entries;
    }
}
