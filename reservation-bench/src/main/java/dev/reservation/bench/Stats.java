package dev.reservation.bench;

import org.apache.commons.math3.distribution.TDistribution;

/** The confidence interval JMH reports as "error", for series the load generator measures. Stateless. */
final class Stats {
    private Stats() {
    }

    /**
     * Half-width of the 99.9 % confidence interval of the mean of {@code values} (Student t with
     * n − 1 degrees of freedom), as JMH computes {@code scoreError}; NaN with fewer than 2 values.
     */
    static double halfWidth999(long[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return halfWidth999(d);
    }

    /** As {@link #halfWidth999(long[])}. */
    static double halfWidth999(double[] values) {
        int n = values.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        return new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2) * sd / Math.sqrt(n);
    }

    /** z for a two-sided 99.9 % interval of the standard normal. */
    static final double Z_999 = 3.2905;

    /**
     * Distribution-free 99.9 % bounds for the {@code q}-quantile of {@code n} samples, as
     * quantiles: the ranks n·q ± z·√(n·q·(1−q)) (normal approximation to the binomial), clamped
     * to [0, 1]. The value at those quantiles bounds the percentile. Assumes independent samples,
     * which latencies under load only approximately are.
     */
    static double[] quantileBounds(double q, long n) {
        if (n <= 0) {
            return new double[] {0, 1};
        }
        double spread = Z_999 * Math.sqrt(q * (1 - q) / n);
        return new double[] {Math.max(0, q - spread), Math.min(1, q + spread)};
    }
}
