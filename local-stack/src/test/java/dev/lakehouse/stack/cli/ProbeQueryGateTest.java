package dev.lakehouse.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProbeQueryGateTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong snapshot = new AtomicLong(-1);
    private final ProbeQueryGate gate = new ProbeQueryGate(snapshot::get);

    @Test
    void queriesFirstThenOnlyForANewSnapshot() {
        assertThat(gate.shouldQuery(0)).isTrue();
        assertThat(gate.shouldQuery(SECOND / 4)).isFalse();
        snapshot.set(42);
        assertThat(gate.shouldQuery(SECOND / 2)).isTrue();
        assertThat(gate.shouldQuery(SECOND)).isFalse();
    }

    @Test
    void queriesAtLeastEveryFiveSecondsWithoutANewSnapshot() {
        assertThat(gate.shouldQuery(0)).isTrue();
        assertThat(gate.shouldQuery(5 * SECOND - 1)).isFalse();
        assertThat(gate.shouldQuery(5 * SECOND)).isTrue();
        assertThat(gate.shouldQuery(6 * SECOND)).isFalse();
    }
}
