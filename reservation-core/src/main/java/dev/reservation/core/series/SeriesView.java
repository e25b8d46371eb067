package dev.reservation.core.series;

import java.util.List;

/**
 * A series and its days: the booked ones (through what is materialised), the skipped and left-out
 * ones, and the next few still to come ({@link Occurrence.Kind#LATER}).
 *
 * @param replayed true when a booking call returned the series an earlier call with its key made
 */
public record SeriesView(Series series, List<Occurrence> occurrences, boolean replayed) {
    public SeriesView {
        occurrences = List.copyOf(occurrences);
    }

    public long count(Occurrence.Kind kind) {
        return occurrences.stream().filter(o -> o.kind() == kind).count();
    }
}
