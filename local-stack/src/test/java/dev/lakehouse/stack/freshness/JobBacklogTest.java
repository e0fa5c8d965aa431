package dev.lakehouse.stack.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobBacklogTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    /** 20,000 rows/s for 100 s. */
    private static final long PRODUCED = 2_000_000;
    private static final Duration REPLAY = Duration.ofSeconds(100);

    /** At 20,000 rows/s and 10 s checkpoints, two intervals are 400,000 rows: up to that the job kept up. */
    @Test
    void aLagOfUpToTwoCheckpointIntervalsOfRowsIsKeepingUp() {
        assertThat(new JobBacklog(PRODUCED, REPLAY, 400_000, 450_000).keptUp(TEN_SECONDS)).isTrue();
        assertThat(new JobBacklog(PRODUCED, REPLAY, 400_001, 450_000).keptUp(TEN_SECONDS)).isFalse();
    }

    @Test
    void keepingUpIsSaidWithTheLagFigures() {
        assertThat(new JobBacklog(PRODUCED, REPLAY, 150_000, 310_000).summary(TEN_SECONDS))
                .startsWith("the job kept up")
                .contains("150,000 rows when the replay ended (peak 310,000)");
    }

    /** 700,000 rows still waiting after 100 s: the job committed 13,000 of the 20,000 rows/s. */
    @Test
    void fallingBehindSaysTheRateTheJobSustainedAndWhatFreshnessThenMeans() {
        JobBacklog behind = new JobBacklog(PRODUCED, REPLAY, 700_000, 700_000);

        assertThat(behind.producedPerSecond()).isEqualTo(20_000.0);
        assertThat(behind.consumedPerSecond()).isEqualTo(13_000.0);
        assertThat(behind.summary(TEN_SECONDS))
                .startsWith("the job did NOT keep up")
                .contains("about 13,000 rows/s of the 20,000 produced", "700,000 rows", "--rate");
    }
}
