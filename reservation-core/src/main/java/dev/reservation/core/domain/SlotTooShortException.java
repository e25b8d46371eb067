package dev.reservation.core.domain;

/** The slot is shorter than the policy's minimum duration. */
public final class SlotTooShortException extends BookingRuleViolationException {
    public SlotTooShortException(String message) {
        super(Rule.SLOT_TOO_SHORT, message);
    }
}
