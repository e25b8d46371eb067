package dev.reservation.core.ops;

import dev.reservation.core.domain.InvalidInputException;
import java.util.Optional;

/**
 * Per-user limits an ADMIN sets for every room ({@link #GLOBAL}) or for one room: booked minutes per
 * week (the ISO week of a reservation's start, in its room's time zone) and open reservations at once
 * (pending or confirmed, not yet ended). Either may be absent (no limit). Immutable.
 */
public record QuotaRule(String scope, Optional<Long> minutesPerWeek, Optional<Integer> openAtOnce) {
    /** The scope of the rule for every room. */
    public static final String GLOBAL = "*";

    public QuotaRule {
        if (scope == null || scope.isBlank()) {
            throw new InvalidInputException("scope", "a quota applies to every room (*) or to one room id");
        }
        minutesPerWeek = minutesPerWeek == null ? Optional.empty() : minutesPerWeek;
        openAtOnce = openAtOnce == null ? Optional.empty() : openAtOnce;
        if (minutesPerWeek.isPresent() && (minutesPerWeek.get() < 1 || minutesPerWeek.get() > 7 * 24 * 60)) {
            throw new InvalidInputException("hoursPerWeek", "hours per week must be more than 0 and at most 168");
        }
        if (openAtOnce.isPresent() && (openAtOnce.get() < 1 || openAtOnce.get() > 1000)) {
            throw new InvalidInputException("openAtOnce", "open reservations at once must be 1 to 1000");
        }
    }

    public boolean global() {
        return GLOBAL.equals(scope);
    }
}
