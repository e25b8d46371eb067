package dev.reservation.web.ops;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.ops.QuotaRule;
import dev.reservation.core.ops.RoomOperations;
import dev.reservation.web.api.ReservationDto;
import java.time.Instant;
import java.util.List;

/** JSON shapes of the room-operations API (see API.md). Immutable. */
public final class OpsJson {
    private OpsJson() {
    }

    /** A reservation in full plus its operations fields. */
    public record OpsReservation(ReservationDto reservation, Instant checkedInAt, Instant approvedAt, String approvedBy,
                                 String reason) {
        public static OpsReservation of(Reservation r, Room room) {
            return new OpsReservation(ReservationDto.of(r, room), r.checkedInAt(), r.approvedAt(), r.approvedBy(),
                    r.reason());
        }
    }

    public record Decision(String reason) {
    }

    public record RoomSettings(String roomId, boolean requiresApproval, List<String> approvers, long checkInBeforeMinutes,
                               long checkInAfterMinutes, boolean autoRelease, boolean hasDisplay) {
        public static RoomSettings of(RoomOperations s) {
            return new RoomSettings(s.roomId(), s.requiresApproval(), s.approvers().stream().sorted().toList(),
                    s.checkInBefore().toMinutes(), s.checkInAfter().toMinutes(), s.autoRelease(), s.hasDisplay());
        }
    }

    public record RoomSettingsBody(Boolean requiresApproval, List<String> approvers, Integer checkInBeforeMinutes,
                                   Integer checkInAfterMinutes, Boolean autoRelease) {
    }

    public record DisplayToken(String roomId, String token, String url) {
    }

    public record Quota(String scope, Double hoursPerWeek, Integer openAtOnce) {
        public static Quota of(QuotaRule r) {
            return new Quota(r.scope(), r.minutesPerWeek().map(m -> m / 60.0).orElse(null), r.openAtOnce().orElse(null));
        }
    }

    public record QuotaBody(Double hoursPerWeek, Integer openAtOnce) {
    }
}
