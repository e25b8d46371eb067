package dev.reservation.core.ops;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.service.BookingGate;
import dev.reservation.core.store.RoomStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The room-operations rules at booking time: a request to a room that requires approval becomes
 * PENDING (unless its actor may approve that room: an approver's own booking needs nobody's word),
 * and the quotas are reserved before the booking ({@link QuotaLedger}). Publishes
 * {@link ReservationEvent.Kind#REQUESTED} for a stored pending request. Thread-safe.
 */
public final class OperationsGate implements BookingGate {
    private final RoomOperationsStore settings;
    private final QuotaLedger quotas;
    private final RoomStore rooms;
    private final ReservationEvents events;
    private final Clock clock;

    public OperationsGate(RoomOperationsStore settings, QuotaLedger quotas, RoomStore rooms, ReservationEvents events,
                          Clock clock) {
        this.settings = settings;
        this.quotas = quotas;
        this.rooms = rooms;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Admission admit(Actor actor, Room room, Reservation candidate) {
        RoomOperations ops = settings.find(room.id()).orElseGet(() -> RoomOperations.defaults(room.id()));
        Reservation admitted = ops.requiresApproval() && !Permissions.mayApprove(actor, ops.approvers())
                ? candidate.asPending() : candidate;
        List<String> taken = quotas.take(admitted, room, clock.instant());
        return new Admission() {
            @Override
            public Reservation candidate() {
                return admitted;
            }

            @Override
            public void booked(Reservation stored) {
                if (stored.status() == dev.reservation.core.domain.ReservationStatus.PENDING) {
                    OperationsService.publish(events, new ReservationEvent(ReservationEvent.Kind.REQUESTED, stored,
                            actor.userId(), clock.instant()));
                }
            }

            @Override
            public void refused() {
                quotas.giveBackAll(taken, admitted.id());
            }
        };
    }

    @Override
    public dev.reservation.core.domain.ReservationStatus admittedStatus(Actor actor, Room room) {
        RoomOperations ops = settings.find(room.id()).orElseGet(() -> RoomOperations.defaults(room.id()));
        return ops.requiresApproval() && !Permissions.mayApprove(actor, ops.approvers())
                ? dev.reservation.core.domain.ReservationStatus.PENDING
                : dev.reservation.core.domain.ReservationStatus.CONFIRMED;
    }

    @Override
    public void released(Reservation ended) {
        ZoneId zone;
        try {
            zone = rooms.findById(ended.roomId()).map(Room::zone).orElse(ZoneId.of("UTC"));
        } catch (ReservationException e) {
            return; // the quota job settles its holds
        }
        quotas.released(ended, zone);
    }
}
