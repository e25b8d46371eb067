package dev.reservation.core.domain;

/** A booking that would take its user past a quota; the message says the limit, what is used and when it frees up. */
public final class QuotaExceededException extends BookingRuleViolationException {
    public QuotaExceededException(String message) {
        super(Rule.OVER_QUOTA, message);
    }
}
