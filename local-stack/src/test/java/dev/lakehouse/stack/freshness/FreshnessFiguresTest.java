package dev.lakehouse.stack.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreshnessFiguresTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void theTargetIsTwiceTheCheckpointIntervalPlusFiveSeconds() {
        assertThat(new FreshnessFigures(List.of(1.0), TEN_SECONDS).target()).isEqualTo(Duration.ofSeconds(25));
        assertThat(new FreshnessFigures(List.of(1.0), Duration.ofSeconds(2)).target()).isEqualTo(Duration.ofSeconds(9));
    }

    /** Nearest rank over 1..100 s given in any order: p50 is the 50th smallest, p95 the 95th. */
    @Test
    void percentilesAreNearestRankOverTheSortedTimes() {
        List<Double> shuffled = new ArrayList<>(IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList());
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));

        FreshnessFigures figures = new FreshnessFigures(shuffled, TEN_SECONDS);

        assertThat(figures.percentile(0.50)).isEqualTo(50.0);
        assertThat(figures.percentile(0.95)).isEqualTo(95.0);
        assertThat(figures.percentile(1.0)).isEqualTo(100.0);
        assertThat(new FreshnessFigures(List.of(4.0, 2.0), TEN_SECONDS).percentile(0.95)).isEqualTo(4.0);
    }

    /** A p95 of exactly the target meets it; a hair above does not. */
    @Test
    void theVerdictIsOnTheNinetyFifthPercentileWithTheTargetItselfMet() {
        List<Double> atTarget = new ArrayList<>(IntStream.range(0, 95).mapToObj(i -> 25.0).toList());
        atTarget.addAll(List.of(90.0, 90.0, 90.0, 90.0, 90.0));
        assertThat(new FreshnessFigures(atTarget, TEN_SECONDS).meetsTarget()).isTrue();
        assertThat(new FreshnessFigures(atTarget, TEN_SECONDS).summary())
                .contains("100 probes", "p50 25.0 s", "p95 25.0 s", "max 90.0 s", "target p95 ≤ 25.0 s", ": met");

        atTarget.set(94, 25.1);
        assertThat(new FreshnessFigures(atTarget, TEN_SECONDS).meetsTarget()).isFalse();
        assertThat(new FreshnessFigures(atTarget, TEN_SECONDS).summary()).contains("p95 25.1 s", "NOT met");
    }

    @Test
    void noVisibleProbeIsSaidAndNeverMeetsTheTarget() {
        FreshnessFigures none = new FreshnessFigures(List.of(), TEN_SECONDS);

        assertThat(none.meetsTarget()).isFalse();
        assertThat(none.summary()).isEqualTo("freshness: no probe became visible");
        assertThatThrownBy(() -> none.percentile(0.5)).isInstanceOf(IllegalStateException.class);
    }
}
