package dev.lakehouse.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CpuCostTest {
    // The full silver bench of 2026-12-04: 280.9 CPU-s for 3.8 M rows
    private final CpuCost silver = new CpuCost(280.9, 3_800_000);

    @Test
    void costPerRowAndRateOnTwoCores() {
        assertThat(silver.microsPerRow()).isCloseTo(73.92, within(0.01));
        assertThat(silver.rowsPerSecondOn(2)).isCloseTo(27_056.0, within(1.0));
    }

    @Test
    void coresForARateAreTheRateTimesTheCostPerRow() {
        assertThat(silver.coresFor(50_000)).isCloseTo(3.696, within(0.001));
        assertThat(silver.coresFor(0)).isZero();
        assertThat(silver.coresFor((long) silver.rowsPerSecondOn(2))).isCloseTo(2.0, within(0.001));
    }

    @Test
    void printsTheCoresEachTargetRateNeeds() {
        assertThat(silver.coresForTargets()).isEqualTo("at that cost 50,000 rows/s need 3.7 cores, 20,000 rows/s 1.5 cores");
    }

    @Test
    void refusesACostWithoutCpuTimeOrRows() {
        assertThatThrownBy(() -> new CpuCost(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CpuCost(1.5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
