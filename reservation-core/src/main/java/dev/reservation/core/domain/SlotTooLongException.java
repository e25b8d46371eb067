package dev.reservation.core.domain;

/** The slot is longer than the policy's maximum duration. */
public final class SlotTooLongException extends BookingRuleViolationException {
    public SlotTooLongException(String message) {
        super(Rule.SLOT_TOO_LONG, message);
    }
}
