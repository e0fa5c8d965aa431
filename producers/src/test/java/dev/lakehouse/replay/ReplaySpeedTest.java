package dev.lakehouse.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReplaySpeedTest {

    @Test
    void parsesMaxAndSpeedUps() {
        assertThat(ReplaySpeed.parse("max").isMax()).isTrue();
        assertThat(ReplaySpeed.parse("MAX")).isEqualTo(ReplaySpeed.MAX);
        assertThat(ReplaySpeed.parse("10x").factor()).isEqualTo(10.0);
        assertThat(ReplaySpeed.parse("0.5x").factor()).isEqualTo(0.5);
        assertThat(ReplaySpeed.parse("3600x")).hasToString("3600x");
    }

    @Test
    void rejectsInvalidSpeeds() {
        for (String invalid : new String[] {"", "x", "10", "fast", "0x", "-2x", "NaNx", "Infinityx", "10xx"}) {
            assertThatThrownBy(() -> ReplaySpeed.parse(invalid)).as(invalid)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid speed");
        }
    }

    @Test
    void pacesRowsByEventTimeOverTheSpeedUp() {
        ReplaySpeed tenTimes = ReplaySpeed.parse("10x");
        long first = 1_704_067_200_000L;
        assertThat(tenTimes.sendOffsetNanos(first, first)).isZero();
        assertThat(tenTimes.sendOffsetNanos(first + 10_000, first)).isEqualTo(1_000_000_000L);
        assertThat(ReplaySpeed.parse("3600x").sendOffsetNanos(first + 3_600_000, first)).isEqualTo(1_000_000_000L);
        assertThat(tenTimes.sendOffsetNanos(first - 5_000, first)).as("an earlier row is due at once").isZero();
        assertThat(ReplaySpeed.MAX.sendOffsetNanos(first + 86_400_000, first)).isZero();
    }

    @Test
    void commandLineRejectsABadSpeedAsAUsageError() {
        int exit = new CommandLine(new ReplayCommand()).setErr(new java.io.PrintWriter(java.io.Writer.nullWriter()))
                .execute("--seeds", "nowhere", "--speed", "fast");
        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
    }
}
