package dev.reservation.web.pages.view;

import java.util.List;

/**
 * The page of one series: its description in the room's zone, its state, and each day with the
 * actions its owner may take (cancel this one, cancel it and all following).
 */
public record SeriesPageView(String id, String title, String roomId, String roomName, String summary, String state,
                             boolean canChange, List<Day> days) {
    /** One day: when, what it is, and the reservation standing for it. */
    public record Day(String day, String when, String kind, String status, String reservationId, String note,
                      boolean cancellable) {
    }

    public SeriesPageView {
        days = List.copyOf(days);
    }
}
