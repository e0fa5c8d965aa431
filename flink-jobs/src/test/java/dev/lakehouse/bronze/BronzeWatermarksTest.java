package dev.lakehouse.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.iceberg.CatalogSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkAlignmentParams;
import org.junit.jupiter.api.Test;

/** The bronze source's watermarks: bounded out-of-orderness per partition, idleness, and alignment across partitions. */
class BronzeWatermarksTest {

    @Test
    void partitionsAreAlignedWithinTheConfiguredDrift() {
        WatermarkAlignmentParams alignment = BronzeJob.watermarks(config(Duration.ofHours(6))).getAlignmentParameters();

        assertThat(alignment.isEnabled()).isTrue();
        assertThat(alignment.getMaxAllowedWatermarkDrift()).isEqualTo(Duration.ofHours(6).toMillis());
        assertThat(alignment.getUpdateInterval()).isPositive();
    }

    @Test
    void aZeroDriftTurnsAlignmentOff() {
        assertThat(BronzeJob.watermarks(config(Duration.ZERO)).getAlignmentParameters().isEnabled()).isFalse();
    }

    private static BronzeJobConfig config(Duration maxWatermarkDrift) {
        return new BronzeJobConfig("127.0.0.1:9", "", "lakehouse", Map.of(), CatalogSettings.rest("http://127.0.0.1:9"),
                BronzeJobConfig.DEFAULT_CHECKPOINT_INTERVAL, null, BronzeJobConfig.DEFAULT_DEDUP_TTL,
                BronzeJobConfig.DEFAULT_MAX_OUT_OF_ORDERNESS, BronzeJobConfig.DEFAULT_IDLE_TIMEOUT, maxWatermarkDrift, 65536, 0);
    }
}
