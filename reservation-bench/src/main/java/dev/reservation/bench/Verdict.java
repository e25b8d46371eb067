package dev.reservation.bench;

import java.util.Locale;

/**
 * How a measured interval compares with a target. "met" only when the pessimistic end of the
 * interval meets it (score − error for a "≥" target, score + error for a "≤" target); "missed by
 * N×" when even the optimistic end fails, N being how far the score is from the target; "not
 * proven" when the interval straddles the target. A measurement that cannot prove anything (one
 * JMH fork, a --quick run, a warm-up that did not converge) is only ever "indicative". Stateless.
 */
final class Verdict {
    private Verdict() {
    }

    /** A score with the half-width of its interval, or with explicit bounds. NaN error: unknown. */
    record Interval(double low, double score, double high) {
        static Interval of(double score, double error) {
            double e = Double.isNaN(error) ? 0 : Math.abs(error);
            return new Interval(score - e, score, score + e);
        }

        static Interval exact(double score) {
            return new Interval(score, score, score);
        }

        /** a / b, with the widest interval the two allow (both assumed positive). */
        Interval over(Interval b) {
            double hiDen = b.high;
            double loDen = b.low;
            return new Interval(low / hiDen, score / b.score, loDen <= 0 ? Double.POSITIVE_INFINITY : high / loDen);
        }

        Interval times(double f) {
            return new Interval(low * f, score * f, high * f);
        }

        boolean hasWidth() {
            return high > low;
        }
    }

    /** For a "≥ target" goal. {@code conclusive} false: at most "indicative". */
    static String atLeast(Interval m, double target, boolean conclusive, String why) {
        return decide(m, target, true, conclusive, why);
    }

    /** For a "≤ target" goal. */
    static String atMost(Interval m, double target, boolean conclusive, String why) {
        return decide(m, target, false, conclusive, why);
    }

    private static String decide(Interval m, double target, boolean higherIsBetter, boolean conclusive, String why) {
        if (Double.isNaN(m.score())) {
            return "not measured";
        }
        double pessimistic = higherIsBetter ? m.low() : m.high();
        double optimistic = higherIsBetter ? m.high() : m.low();
        boolean pessimisticMeets = higherIsBetter ? pessimistic >= target : pessimistic <= target;
        boolean optimisticMeets = higherIsBetter ? optimistic >= target : optimistic <= target;
        String verdict;
        if (pessimisticMeets) {
            verdict = "met";
        } else if (!optimisticMeets) {
            verdict = "missed by " + factor(m.score(), target, higherIsBetter);
        } else {
            verdict = "not proven (interval " + num(m.low()) + "–" + num(m.high()) + " straddles the target)";
        }
        if (!conclusive) {
            return "indicative" + (why == null || why.isEmpty() ? "" : " (" + why + ")") + ": would be " + verdict;
        }
        return verdict;
    }

    /** How far the score is from the target, as a factor: "7.9×". */
    static String factor(double score, double target, boolean higherIsBetter) {
        if (score <= 0 && higherIsBetter) {
            return "∞× (nothing measured above 0)";
        }
        double f = higherIsBetter ? target / score : score / target;
        return String.format(Locale.ROOT, f >= 10 ? "%.0f×" : "%.2f×", f);
    }

    /** A number as the tables print it: thousands separated, few decimals. */
    static String num(double v) {
        if (Double.isInfinite(v)) {
            return "∞";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
