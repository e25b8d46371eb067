package dev.reservation.web.pages.view;

/**
 * The /reserve form's fields as entered. Date and times are wall-clock in the room's zone; an end
 * at or before the start is on the next day unless {@code endDate} says otherwise. {@code startOffset}
 * and {@code endOffset} (e.g. {@code +01:00}) pick one reading of a local time that happens twice
 * (the autumn change); they are blank otherwise. {@code key} is the idempotency key that makes a
 * double submit book once. Immutable, so thread-safe.
 */
public record ReserveForm(String userId, String roomId, String date, String start, String end, String endDate,
                          String title, String attendees, String key, String startOffset, String endOffset) {

    public ReserveForm(String userId, String roomId, String date, String start, String end, String endDate,
                       String title, String attendees, String key) {
        this(userId, roomId, date, start, end, endDate, title, attendees, key, null, null);
    }

    public ReserveForm withUserId(String id) {
        return new ReserveForm(id, roomId, date, start, end, endDate, title, attendees, key, startOffset, endOffset);
    }

    public ReserveForm withKey(String newKey) {
        return new ReserveForm(userId, roomId, date, start, end, endDate, title, attendees, newKey, startOffset,
                endOffset);
    }
}
