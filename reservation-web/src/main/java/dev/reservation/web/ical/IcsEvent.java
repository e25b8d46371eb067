package dev.reservation.web.ical;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One reservation as a VEVENT: {@code uid} stays the same for the reservation's life, {@code sequence}
 * is its version (so every change is newer), times are instants shown in the room's {@code zone}.
 * {@code organizer}/{@code attendee} are present only when the reader may see whose it is. Immutable.
 */
public record IcsEvent(String uid, long sequence, boolean cancelled, String summary, Instant start, Instant end,
                       ZoneId zone, String location, Optional<Person> organizer, Optional<Person> attendee,
                       String description, Instant created, Instant lastModified) {

    /** Someone named in an event: a display name and an e-mail address. */
    public record Person(String name, String email) {
        public Person {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(email, "email");
        }
    }

    public IcsEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(location, "location");
        organizer = organizer == null ? Optional.empty() : organizer;
        attendee = attendee == null ? Optional.empty() : attendee;
        description = description == null ? "" : description;
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    /**
     * The right-hand side of every UID: fixed, so a reservation's UID never changes with the server's
     * configuration (the reservation id already makes it unique).
     */
    public static final String UID_DOMAIN = "reservations.meeting-rooms";

    /** The UID of a reservation's event, the same in feeds and invitations. */
    public static String uidOf(String reservationId, String domain) {
        return "reservation-" + reservationId + "@" + domain;
    }
}
