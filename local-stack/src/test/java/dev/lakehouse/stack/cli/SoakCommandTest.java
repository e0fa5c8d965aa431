package dev.lakehouse.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SoakCommandTest {

    @Test
    void picksTheSmallestDataSetWhoseLapsCoverTheRun() {
        // 80,000 rows: 20 laps of 3,800 (scale 0.001) are 76,000, too few.
        assertThat(SoakCommand.scaleFor(2_000, Duration.ofSeconds(40))).isEqualTo(0.002);
        // 36 M rows: 20 laps of 1.9 M (scale 0.5).
        assertThat(SoakCommand.scaleFor(20_000, Duration.ofMinutes(30))).isEqualTo(0.5);
        // 144 M rows do not fit 20 laps of the full 3.8 M: up to 90 laps are allowed then.
        assertThat(SoakCommand.scaleFor(20_000, Duration.ofHours(2))).isEqualTo(1.0);
        assertThatThrownBy(() -> SoakCommand.scaleFor(20_000, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorten --duration or lower --rate");
    }

    @Test
    void durationsPrintAsTheyAreWritten() {
        assertThat(SoakCommand.human(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(SoakCommand.human(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(SoakCommand.human(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(SoakCommand.human(Duration.ofMillis(500))).isEqualTo("500ms");
    }
}
