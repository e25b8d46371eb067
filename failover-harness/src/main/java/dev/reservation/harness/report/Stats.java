package dev.reservation.harness.report;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * min, p50, p95, max of some observations (nearest-rank percentiles: each is one of the observed
 * values). {@code n} counts the observations; absent ones ({@code null}) are left out and counted in
 * {@code missing}. Immutable.
 */
public record Stats(int n, int missing, Double min, Double p50, Double p95, Double max) {

    public static Stats of(Collection<Double> values) {
        List<Double> present = values.stream().filter(Objects::nonNull).sorted().toList();
        int missing = values.size() - present.size();
        if (present.isEmpty()) {
            return new Stats(0, missing, null, null, null, null);
        }
        return new Stats(present.size(), missing, present.get(0), rank(present, 0.50), rank(present, 0.95),
                present.get(present.size() - 1));
    }

    private static Double rank(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
