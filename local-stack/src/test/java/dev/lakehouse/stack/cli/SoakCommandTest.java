package dev.lakehouse.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SoakCommandTest {

    @Test
    void picksTheSmallestDataSetWhoseLapsCoverTheRun() {
        assertThat(SoakCommand.scaleFor(2_000, Duration.ofSeconds(40))).isEqualTo(0.001);
        // 36 M rows: 80 laps of 380,000 (scale 0.1) are 30.4 M, too few; scale 0.2 gives 60.8 M.
        assertThat(SoakCommand.scaleFor(20_000, Duration.ofMinutes(30))).isEqualTo(0.2);
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
