package dev.reservation.harness.checker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one checker concluded: valid or not, each violation in words, and counts worth reporting.
 * Immutable.
 */
public record CheckResult(String checker, boolean valid, List<String> violations, Map<String, Long> counts) {
    public CheckResult {
        violations = List.copyOf(violations);
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        if (valid != violations.isEmpty()) {
            throw new IllegalArgumentException("a result is valid exactly when it lists no violation");
        }
    }

    public static CheckResult of(String checker, List<String> violations, Map<String, Long> counts) {
        return new CheckResult(checker, violations.isEmpty(), violations, counts);
    }
}
