package dev.reservation.web.pages.view;

/**
 * A reservation in a table as the viewer may see it: {@code when} is the local date and times in
 * the room's zone. For someone else's reservation seen by a MEMBER ({@code busy}) the title is
 * "Busy" and owner and attendees are empty. Immutable, so thread-safe.
 */
public record ReservationRow(String id, String roomId, String roomName, String title, String userName,
                             String attendees, String status, String when, boolean confirmed, boolean busy,
                             boolean canCancel) {
}
