package dev.reservation.web.pages.view;

import dev.reservation.web.api.RoomDto;

/**
 * A room in a list, with its availability now ({@code availability} is text such as "free now" or
 * "busy, free from 11:00"), the time it is there now ({@code localNow}, "10:12"), and, in finder
 * results, a link that opens /reserve pre-filled. Immutable, so thread-safe.
 */
public record RoomRow(RoomDto room, boolean freeNow, String availability, String reserveLink, String localNow) {
    public RoomRow(RoomDto room, boolean freeNow, String availability, String reserveLink) {
        this(room, freeNow, availability, reserveLink, null);
    }
}
