package dev.reservation.web.ops;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.ops.QuotaRule;
import dev.reservation.core.ops.RoomOperations;
import dev.reservation.core.ops.UsageReports;
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
        /** @param hasDisplay whether the room has a door-display token (see {@code RoomOperationsAdmin.hasDisplay}) */
        public static RoomSettings of(RoomOperations s, boolean hasDisplay) {
            return new RoomSettings(s.roomId(), s.requiresApproval(), s.approvers().stream().sorted().toList(),
                    s.checkInBefore().toMinutes(), s.checkInAfter().toMinutes(), s.autoRelease(), hasDisplay);
        }
    }

    public record RoomSettingsBody(Boolean requiresApproval, List<String> approvers, Integer checkInBeforeMinutes,
                                   Integer checkInAfterMinutes, Boolean autoRelease) {
    }

    /** A door-display token just issued: the secret (shown this once) and the address to open at the door. */
    public record DisplayToken(String roomId, String token, String url) {
    }

    /**
     * A room's door display as an ADMIN sees it: whether it has one, the token's id, name, creation and
     * last use (never its secret; null when there is none), and whether it is a token of an older
     * version (no times known; re-issue it to get a display token like any other).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record DisplayStatus(String roomId, boolean hasDisplay, boolean legacy, String tokenId, String name,
                                Instant createdAt, Instant lastUsedAt) {
        public static DisplayStatus of(dev.reservation.core.ops.RoomOperationsAdmin.Display d) {
            return new DisplayStatus(d.roomId(), d.active(), d.legacy(),
                    d.token().map(t -> t.id()).orElse(null), d.token().map(t -> t.name()).orElse(null),
                    d.token().map(t -> t.createdAt()).orElse(null), d.token().map(t -> t.lastUsedAt()).orElse(null));
        }
    }

    public record Quota(String scope, Double hoursPerWeek, Integer openAtOnce) {
        public static Quota of(QuotaRule r) {
            return new Quota(r.scope(), r.minutesPerWeek().map(m -> m / 60.0).orElse(null), r.openAtOnce().orElse(null));
        }
    }

    public record QuotaBody(Double hoursPerWeek, Integer openAtOnce) {
    }

    /** One line of the usage report, with the derived rates the CSV has too. */
    public record UsageLine(String key, String name, String location, double hoursBooked, double openHours,
                            double hoursBookedInOpeningTimes, double occupancy, long confirmed, long autoReleased,
                            double noShowRate, long cancelled, long declined, long expired, long pending) {
        public static UsageLine of(UsageReports.Line l) {
            return new UsageLine(l.key(), l.name(), l.location(), l.bookedHours(), l.openHours(), l.bookedOpenHours(),
                    l.occupancy(), l.confirmed(), l.autoReleased(), l.noShowRate(), l.cancelled(), l.declined(),
                    l.expired(), l.pending());
        }
    }

    /** The usage report: rooms, locations, the total, and heat[weekday 0 = Monday][hour] in booked hours. */
    public record Usage(Instant from, Instant to, List<UsageLine> rooms, List<UsageLine> locations, UsageLine total,
                        double[][] heat) {
        public static Usage of(UsageReports.Report r) {
            return new Usage(r.from(), r.to(), r.rooms().stream().map(UsageLine::of).toList(),
                    r.locations().stream().map(UsageLine::of).toList(), UsageLine.of(r.total()), r.heat());
        }
    }
}
