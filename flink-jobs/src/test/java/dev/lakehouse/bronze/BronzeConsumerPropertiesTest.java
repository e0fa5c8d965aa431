package dev.lakehouse.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The bronze source's Kafka consumer settings: batched fetches by default, the user's on top, exactly-once always. */
class BronzeConsumerPropertiesTest {

    @Test
    void aCaughtUpConsumerWaitsForABatchOrATenthOfASecond() {
        Properties properties = BronzeJob.consumerProperties(Map.of());

        assertThat(properties)
                .containsEntry("fetch.min.bytes", "65536")
                .containsEntry("fetch.max.wait.ms", "100");
    }

    @Test
    void theUsersPropertiesOverrideTheFetchDefaults() {
        Properties properties = BronzeJob.consumerProperties(Map.of("fetch.min.bytes", "1", "security.protocol", "SSL"));

        assertThat(properties)
                .containsEntry("fetch.min.bytes", "1")
                .containsEntry("fetch.max.wait.ms", "100")
                .containsEntry("security.protocol", "SSL");
    }

    @Test
    void noPropertyTurnsOffReadingOnlyCommittedRecordsOrCommittingOffsetsOnCheckpoints() {
        Properties properties = BronzeJob.consumerProperties(
                Map.of("isolation.level", "read_uncommitted", "commit.offsets.on.checkpoint", "false"));

        assertThat(properties)
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("commit.offsets.on.checkpoint", "true");
    }
}
