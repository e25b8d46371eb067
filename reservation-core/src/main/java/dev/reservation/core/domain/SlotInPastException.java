package dev.reservation.core.domain;

/** The slot starts before now. */
public final class SlotInPastException extends BookingRuleViolationException {
    public SlotInPastException(String message) {
        super(Rule.SLOT_IN_PAST, message);
    }
}
