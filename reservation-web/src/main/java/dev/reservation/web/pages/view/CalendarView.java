package dev.reservation.web.pages.view;

import java.util.List;

/**
 * The account's Calendar page: the feeds the user subscribed to (a token's URL is shown once, right
 * after it is issued: only its hash is kept), rooms to subscribe to, and e-mail notifications.
 * Immutable, so thread-safe.
 */
public record CalendarView(List<Feed> feeds, Issued issued, List<RoomChoice> rooms, boolean emailEnabled,
                           boolean mailOn, String mailStatus, String notice) {

    /** A feed the user has a token for. */
    public record Feed(String feed, String label, String created) {
    }

    /** A feed URL just issued: shown this once. */
    public record Issued(String label, String url) {
    }

    public record RoomChoice(String id, String name, boolean selected) {
    }

    public CalendarView {
        feeds = List.copyOf(feeds);
        rooms = List.copyOf(rooms);
    }
}
