package dev.reservation.core.notify;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, at send time, what an outbox entry for a person means now: the notice to send, or why
 * none is sent. Checked when sending, not when enqueueing: the user's opt-out, a deactivated user,
 * and an entry superseded by a later version of its reservation (that later change has its own
 * entry and carries the latest state; calendar clients keep the highest SEQUENCE anyway).
 * Thread-safe.
 */
public final class Notices {
    /** Everything a message about one change needs. */
    public record Notice(OutboxEntry entry, Reservation reservation, Room room, User recipient) {
        public ChangeKind kind() {
            return entry.kind();
        }
    }

    /** Nothing is sent for this entry; {@code reason} says why (it becomes the entry's outcome). */
    public record Skip(String reason) {
    }

    /** The outcome of {@link #prepare}: exactly one of notice and skip. */
    public record Prepared(Optional<Notice> notice, Optional<Skip> skip) {
        static Prepared send(Notice n) {
            return new Prepared(Optional.of(n), Optional.empty());
        }

        static Prepared skip(String reason) {
            return new Prepared(Optional.empty(), Optional.of(new Skip(reason)));
        }
    }

    private final ReservationStore reservations;
    private final RoomStore rooms;
    private final UserStore users;
    private final NotificationPrefsStore prefs;

    public Notices(ReservationStore reservations, RoomStore rooms, UserStore users, NotificationPrefsStore prefs) {
        this.reservations = Objects.requireNonNull(reservations);
        this.rooms = Objects.requireNonNull(rooms);
        this.users = Objects.requireNonNull(users);
        this.prefs = Objects.requireNonNull(prefs);
    }

    /**
     * @throws IllegalStateException when the store does not show the entry's version yet (a read
     *         that lags the write): the attempt fails and is retried later
     */
    public Prepared prepare(OutboxEntry entry) {
        Optional<Reservation> found = reservations.findById(entry.reservationId());
        if (found.isEmpty()) {
            return Prepared.skip("skipped: reservation " + entry.reservationId() + " does not exist");
        }
        Reservation r = found.get();
        if (r.version() > entry.version()) {
            return Prepared.skip("skipped: superseded by version " + r.version());
        }
        if (r.version() < entry.version()) {
            throw new IllegalStateException("reservation " + r.id() + " is at version " + r.version()
                    + ", the entry is for version " + entry.version() + "; retrying later");
        }
        Optional<User> user = users.findById(entry.userId());
        if (user.isEmpty() || !user.get().active()) {
            return Prepared.skip("skipped: user " + entry.userId() + " is deactivated or gone");
        }
        if (!prefs.emailEnabled(entry.userId())) {
            return Prepared.skip("skipped: the user turned e-mail notifications off");
        }
        Room room = rooms.findById(r.roomId()).orElseThrow(() -> new IllegalStateException("room " + r.roomId()
                + " of reservation " + r.id() + " is missing"));
        return Prepared.send(new Notice(entry, r, room, user.get()));
    }
}
