package dev.reservation.core.service;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;

/**
 * What {@link ReservationService} asks before and after it books, for the rules that live beside
 * the booking protocol: whether a request needs approval (it is then booked PENDING, holding its slot
 * like CONFIRMED) and the quotas (capacity reserved before the booking, given back when it is certainly
 * refused or later released). {@link #OPEN} admits everything as it is. Implementations are thread-safe.
 */
public interface BookingGate {
    /** One admitted candidate and what was reserved for it. */
    interface Admission {
        /** The candidate to book: the one asked, or its PENDING form. */
        Reservation candidate();

        /** The store stored it (Booked, or a replay of this very candidate). */
        default void booked(Reservation stored) {
        }

        /** The store certainly did not store it: give back what was reserved. */
        default void refused() {
        }
    }

    /**
     * Admits a candidate that passed the booking policy, or refuses it (e.g. {@link
     * dev.reservation.core.domain.QuotaExceededException}).
     */
    Admission admit(Actor actor, Room room, Reservation candidate);

    /**
     * The status {@link #admit} would give a booking by {@code actor} in {@code room} (CONFIRMED, or
     * PENDING when it needs approval), without reserving anything: a series asks once, up front.
     */
    default dev.reservation.core.domain.ReservationStatus admittedStatus(Actor actor, Room room) {
        return dev.reservation.core.domain.ReservationStatus.CONFIRMED;
    }

    /** A reservation left its room for good (cancelled, declined, expired, released): give back what it held. */
    default void released(Reservation ended) {
    }

    BookingGate OPEN = (actor, room, candidate) -> () -> candidate;
}
