package dev.reservation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictTest {
    @Test
    void metOnlyWhenThePessimisticEndMeetsTheTarget() {
        assertThat(Verdict.atLeast(Verdict.Interval.of(600, 50), 500, true, "")).isEqualTo("met");
        assertThat(Verdict.atMost(Verdict.Interval.of(40, 5), 50, true, "")).isEqualTo("met");
        // the score alone meets the target, the interval does not
        assertThat(Verdict.atLeast(Verdict.Interval.of(553_242, 979_189), 500_000, true, ""))
                .isEqualTo("not proven (interval -425,947–1,532,431 straddles the target)");
        assertThat(Verdict.atMost(Verdict.Interval.of(45, 10), 50, true, "")).startsWith("not proven");
    }

    @Test
    void missedSaysByHowMuch() {
        assertThat(Verdict.atLeast(Verdict.Interval.of(630, 20), 5_000, true, "")).isEqualTo("missed by 7.94×");
        assertThat(Verdict.atMost(Verdict.Interval.of(284.9, 10), 50, true, "")).isEqualTo("missed by 5.70×");
        assertThat(Verdict.atMost(Verdict.Interval.of(1_894, 10).over(Verdict.Interval.of(124, 1)), 2, true, ""))
                .isEqualTo("missed by 7.64×");
    }

    @Test
    void anInconclusiveMeasurementIsOnlyIndicative() {
        assertThat(Verdict.atLeast(Verdict.Interval.of(600, 50), 500, false, "1 fork"))
                .isEqualTo("indicative (1 fork): would be met");
        assertThat(Verdict.atLeast(Verdict.Interval.of(100, 5), 500, false, "quick run"))
                .isEqualTo("indicative (quick run): would be missed by 5.00×");
        assertThat(Verdict.atLeast(Verdict.Interval.of(Double.NaN, 0), 500, true, "")).isEqualTo("not measured");
    }

    @Test
    void aRatioTakesTheWidestIntervalBothAllow() {
        Verdict.Interval r = Verdict.Interval.of(300, 30).over(Verdict.Interval.of(1_000, 100));
        assertThat(r.score()).isEqualTo(0.3);
        assertThat(r.low()).isEqualTo(270.0 / 1_100);
        assertThat(r.high()).isEqualTo(330.0 / 900);
        // 0.30 (0.245–0.367) against ≥ 0.25: straddles
        assertThat(Verdict.atLeast(r, 0.25, true, "")).startsWith("not proven");
    }

    @Test
    void quantileBoundsWidenWithFewerSamples() {
        double[] many = Stats.quantileBounds(0.99, 1_000_000);
        double[] few = Stats.quantileBounds(0.99, 1_000);
        assertThat(many[0]).isLessThan(0.99).isGreaterThan(few[0]);
        assertThat(many[1]).isGreaterThan(0.99).isLessThan(few[1]);
        assertThat(Stats.halfWidth999(new long[] {100, 100, 100})).isZero();
        assertThat(Stats.halfWidth999(new long[] {100})).isNaN();
    }
}
