package dev.reservation.core.domain;

/**
 * A well-formed booking request that the booking policy refuses. Each rule has its own final
 * subclass; {@link #rule()} names it for frontends that key messages or codes on it.
 */
public abstract class BookingRuleViolationException extends InvalidInputException {
    /** The policy rules, with the request field each one is about. */
    public enum Rule {
        SLOT_IN_PAST("start"),
        SLOT_TOO_SHORT("end"),
        SLOT_TOO_LONG("end"),
        BEYOND_HORIZON("start"),
        OVER_CAPACITY("attendees"),
        OVER_QUOTA("start");

        private final String field;

        Rule(String field) {
            this.field = field;
        }
    }

    private final Rule rule;

    protected BookingRuleViolationException(Rule rule, String message) {
        super(rule.field, message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
