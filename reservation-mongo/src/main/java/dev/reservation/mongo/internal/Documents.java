package dev.reservation.mongo.internal;

import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * Maps domain records to BSON documents and back; the field names below are the stored schema
 * (see {@link Schema}). Instants are stored as BSON dates (milliseconds), which the domain already
 * truncates to. Stateless and thread-safe.
 */
public final class Documents {
    public static final String ID = "_id";
    /** Internal reservation status for a fenced, never-completed booking (see {@link RoomDayClaims}). */
    public static final String ABANDONED = "ABANDONED";
    /** The derived field of a reservation: the UTC days its slot touches ({@link #days(TimeSlot)}). */
    public static final String DAYS = "days";
    /** The unique form of an idempotency key: the acting user's key ({@link Reservation#idempotencyScope()}). */
    public static final String IDEMPOTENCY_SCOPE = "idempotencyScope";
    /** Every status of a stored reservation (all but the ABANDONED tombstone): what lists show and lookups find. */
    static final List<String> VISIBLE_STATUSES = java.util.Arrays.stream(ReservationStatus.values()).map(Enum::name)
            .toList();
    /** The statuses that hold claims: PENDING exactly like CONFIRMED (see {@link BookingProtocol}). */
    static final List<String> HOLDING_STATUSES = java.util.Arrays.stream(ReservationStatus.values())
            .filter(ReservationStatus::holdsRoom).map(Enum::name).toList();

    private Documents() {
    }

    public static Document user(User u) {
        Document d = new Document(ID, u.id()).append("name", u.name()).append("email", u.email())
                .append("role", u.role().name()).append("active", u.active());
        return u.zone() == null ? d : d.append("zone", u.zone().getId()); // absent: the user has not said
    }

    public static User user(Document d) {
        return new User(d.getString(ID), d.getString("name"), d.getString("email"), Role.valueOf(d.getString("role")),
                d.getBoolean("active", true), d.getString("zone") == null ? null : ZoneId.of(d.getString("zone")));
    }

    public static Document room(Room r) {
        Document d = new Document(ID, r.id()).append("name", r.name()).append("nameKey", r.nameKey())
                .append("location", r.location()).append("capacity", r.capacity())
                .append("equipment", r.equipment().stream().map(Enum::name).sorted().toList())
                .append("zone", r.zone().getId()).append("active", r.active());
        return r.locationId() == null ? d : d.append("locationId", r.locationId());
    }

    public static Room room(Document d) {
        Set<Equipment> equipment = EnumSet.noneOf(Equipment.class);
        for (String e : d.getList("equipment", String.class, List.of())) {
            equipment.add(Equipment.valueOf(e));
        }
        return new Room(d.getString(ID), d.getString("name"), d.getString("location"), d.getInteger("capacity"),
                equipment, ZoneId.of(d.getString("zone")), d.getBoolean("active", true), d.getString("locationId"));
    }

    public static Document reservation(Reservation r) {
        Document d = new Document(ID, r.id()).append("roomId", r.roomId()).append("userId", r.userId())
                .append("start", date(r.slot().start())).append("end", date(r.slot().end()))
                .append("title", r.title()).append("attendees", r.attendees()).append("status", r.status().name())
                .append("createdAt", date(r.createdAt())).append("createdBy", r.createdBy())
                .append("version", r.version()).append(DAYS, days(r.slot()));
        if (r.cancelledAt() != null) {
            d.append("cancelledAt", date(r.cancelledAt()));
        }
        if (r.cancelledBy() != null) {
            d.append("cancelledBy", r.cancelledBy());
        }
        if (r.idempotencyKey() != null) {
            d.append("idempotencyKey", r.idempotencyKey()).append(IDEMPOTENCY_SCOPE, r.idempotencyScope());
        }
        if (r.checkedInAt() != null) {
            d.append("checkedInAt", date(r.checkedInAt()));
        }
        if (r.approvedAt() != null) {
            d.append("approvedAt", date(r.approvedAt())).append("approvedBy", r.approvedBy());
        }
        if (r.reason() != null) {
            d.append("reason", r.reason());
        }
        return d;
    }

    /** True when a stored document's status holds claims (PENDING or CONFIRMED). */
    public static boolean holdsClaims(Document d) {
        return HOLDING_STATUSES.contains(d.getString("status"));
    }

    /**
     * The UTC days ("yyyy-mm-dd", ascending) that {@code slot} touches: those of its room-day
     * buckets. Stored with every reservation (field {@link #DAYS}) and indexed, so the reservations
     * overlapping a window are found by the days the window touches, whatever else is stored.
     */
    public static List<String> days(TimeSlot slot) {
        return days(slot.start(), slot.end());
    }

    /** The UTC days that {@code [from, to)} touches. */
    public static List<String> days(Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC);
        List<String> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d.toString());
        }
        return days;
    }

    /** How many UTC days {@code [from, to)} touches, without listing them. */
    public static long dayCount(Instant from, Instant to) {
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(from, ZoneOffset.UTC),
                LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC)) + 1;
    }

    /** True for a stored reservation; false for a tombstone of an abandoned booking. */
    public static boolean isReservation(Document d) {
        return VISIBLE_STATUSES.contains(d.getString("status"));
    }

    public static Reservation reservation(Document d) {
        return new Reservation(d.getString(ID), d.getString("roomId"), d.getString("userId"),
                new TimeSlot(instant(d, "start"), instant(d, "end")), d.getString("title"), d.getInteger("attendees"),
                ReservationStatus.valueOf(d.getString("status")), instant(d, "createdAt"), d.getString("createdBy"),
                instant(d, "cancelledAt"),
                d.getString("cancelledBy"), ((Number) d.get("version")).longValue(), d.getString("idempotencyKey"),
                instant(d, "checkedInAt"), instant(d, "approvedAt"), d.getString("approvedBy"), d.getString("reason"));
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
