package dev.reservation.core.service;

import dev.reservation.core.domain.Reservation;

/**
 * The result of a successful booking call: the reservation, and whether this call created it or
 * returned the one an earlier call with the same idempotency key created ({@code replayed}).
 */
public record BookingReceipt(Reservation reservation, boolean replayed) {
}
