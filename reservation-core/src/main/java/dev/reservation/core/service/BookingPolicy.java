package dev.reservation.core.service;

import dev.reservation.core.domain.InvalidInputException;
import java.time.Duration;

/**
 * The rules a booking must satisfy beyond "no overlap". Defaults: at least 5 minutes, at most
 * 12 hours, ending no more than 180 days ahead. Immutable.
 */
public record BookingPolicy(Duration minDuration, Duration maxDuration, Duration horizon) {

    public static final BookingPolicy DEFAULT =
            new BookingPolicy(Duration.ofMinutes(5), Duration.ofHours(12), Duration.ofDays(180));

    public BookingPolicy {
        if (minDuration == null || maxDuration == null || horizon == null) {
            throw new InvalidInputException("policy", "minDuration, maxDuration and horizon are required");
        }
        if (minDuration.isNegative() || minDuration.isZero()) {
            throw new InvalidInputException("policy", "minDuration must be positive");
        }
        if (maxDuration.compareTo(minDuration) < 0) {
            throw new InvalidInputException("policy", "maxDuration must not be below minDuration");
        }
        if (horizon.compareTo(maxDuration) < 0) {
            throw new InvalidInputException("policy", "horizon must not be below maxDuration");
        }
    }
}
