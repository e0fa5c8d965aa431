package dev.lakehouse.stack.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundednessTest {
    private final Boundedness rule = new Boundedness(0.25, 10);

    private static List<Double> minutes(int n) {
        List<Double> minutes = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            minutes.add((double) i);
        }
        return minutes;
    }

    @Test
    void aSawToothWithLevelPeaksIsBoundedEvenAfterAHighWarmUp() {
        // Warm-up peaks (first third) are ignored; the last third's peak equals the middle third's.
        List<Double> values = List.of(500.0, 20.0, 400.0, 100.0, 300.0, 120.0, 280.0, 110.0, 300.0);
        Boundedness.Verdict verdict = rule.judge(minutes(9), values);
        assertThat(verdict.judged()).isTrue();
        assertThat(verdict.bounded()).isTrue();
        assertThat(verdict.middleMax()).isEqualTo(300.0);
        assertThat(verdict.lastMax()).isEqualTo(300.0);
    }

    @Test
    void steadyGrowthIsNotBoundedAndItsSlopeIsPerMinute() {
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            values.add(100.0 * i);
        }
        Boundedness.Verdict verdict = rule.judge(minutes(12), values);
        assertThat(verdict.grew()).isTrue();
        assertThat(verdict.growthPerMinute()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void theToleranceAndTheSlackDecideAtTheEdge() {
        // middle peak 100: bounded up to 100 × 1.25 + 10 = 135.
        assertThat(rule.judge(minutes(6), List.of(0.0, 0.0, 100.0, 100.0, 135.0, 0.0)).bounded()).isTrue();
        assertThat(rule.judge(minutes(6), List.of(0.0, 0.0, 100.0, 100.0, 135.5, 0.0)).grew()).isTrue();
        // A tiny series is judged on the slack: 2 files then 9 is noise, not growth.
        assertThat(rule.judge(minutes(3), List.of(1.0, 2.0, 9.0)).bounded()).isTrue();
    }

    @Test
    void missingSamplesAreSkippedAndTooFewSamplesAreNotJudged() {
        Boundedness.Verdict gaps = rule.judge(minutes(6), List.of(1.0, Double.NaN, 50.0, Double.NaN, 55.0, Double.NaN));
        assertThat(gaps.judged()).isTrue();
        assertThat(gaps.bounded()).isTrue();
        assertThat(rule.judge(minutes(2), List.of(1.0, 100.0)).judged()).isFalse();
        assertThat(rule.judge(minutes(6), List.of(1.0, 2.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN)).judged()).isFalse();
    }
}
