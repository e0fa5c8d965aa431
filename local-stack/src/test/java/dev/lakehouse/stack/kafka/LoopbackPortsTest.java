package dev.lakehouse.stack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void aDistinctAllocatorNeverHandsOutAPortTwice() {
        LoopbackPorts.Distinct ports = new LoopbackPorts.Distinct();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            int port = ports.resolve(0);
            assertThat(port).isBetween(1, 65535);
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
        }
    }

    @Test
    void aFixedPortIsKeptAndNeverHandedOutForZeroAfterwards() {
        LoopbackPorts.Distinct ports = new LoopbackPorts.Distinct();
        int fixed = LoopbackPorts.resolve(0);

        assertThat(ports.resolve(fixed)).isEqualTo(fixed);
        for (int i = 0; i < 200; i++) {
            assertThat(ports.resolve(0)).isNotEqualTo(fixed);
        }
    }
}
