package dev.reservation.web.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to a booking: the reservation's fields, and how its times were read. Immutable, so thread-safe. */
public record BookedDto(@JsonUnwrapped ReservationDto reservation, TimesReadAs timesReadAs) {
}
