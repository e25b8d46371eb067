package dev.reservation.core.domain;

/** The slot ends further ahead than the policy's booking horizon. */
public final class BeyondBookingHorizonException extends BookingRuleViolationException {
    public BeyondBookingHorizonException(String message) {
        super(Rule.BEYOND_HORIZON, message);
    }
}
