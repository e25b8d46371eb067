package dev.reservation.web.pages.view;

/**
 * The /reserve form's fields as entered. Date and times are wall-clock in the room's zone;
 * {@code endDate} is only set for slots that run past midnight. {@code key} is the idempotency key
 * that makes a double submit book once.
 * Immutable, so thread-safe.
 */
public record ReserveForm(String userId, String roomId, String date, String start, String end, String endDate,
                          String title, String attendees, String key) {

    public ReserveForm withUserId(String id) {
        return new ReserveForm(id, roomId, date, start, end, endDate, title, attendees, key);
    }

    public ReserveForm withKey(String newKey) {
        return new ReserveForm(userId, roomId, date, start, end, endDate, title, attendees, newKey);
    }
}
