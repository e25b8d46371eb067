package dev.reservation.core.domain;

/** More attendees than the room has seats. */
public final class CapacityExceededException extends BookingRuleViolationException {
    public CapacityExceededException(String message) {
        super(Rule.OVER_CAPACITY, message);
    }
}
