package dev.lakehouse.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.contract.Source;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class InjectionSummaryTest {

    @Test
    void printsEachKindWithItsFateAndCountsPerTopic() {
        InjectionSummary summary = new InjectionSummary(List.of(
                new SentBadRecord(BadRecordKind.HUGE_5MB, Source.CUSTOMER_EVENTS, "EVT-BAD-1-0", BadRecordKind.HUGE_BYTES,
                        "customer_events", 0, 7),
                new SentBadRecord(BadRecordKind.NEGATIVE_STOCK, Source.INVENTORY_SNAPSHOTS, "SNAP-BAD-1-1", 80,
                        "inventory_snapshots", 1, 3),
                new SentBadRecord(BadRecordKind.NEGATIVE_STOCK, Source.INVENTORY_SNAPSHOTS, "SNAP-BAD-1-2", 80,
                        "inventory_snapshots", 1, 4)));

        String text = summary.describe();

        assertThat(text).containsPattern("huge_5mb +rejected: oversized +1 +0 +0 +0");
        assertThat(text).containsPattern("negative_stock +kept +0 +0 +2 +0");
        assertThat(text).contains("3 records (5,243,040 bytes): 1 to be rejected, 2 kept");
    }

    @Test
    void theProducerMaySendFiveMegabyteRecordsAndOverridesDoNotTouchTheSerializers() {
        Properties overrides = new Properties();
        overrides.put("security.protocol", "SASL_PLAINTEXT");
        overrides.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "nonsense");

        Properties properties = BadRecordInjector.producerProperties("127.0.0.1:1", overrides);

        assertThat(Integer.parseInt(properties.getProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)))
                .isGreaterThan(BadRecordKind.HUGE_BYTES + 1024);
        assertThat(properties.getProperty("security.protocol")).isEqualTo("SASL_PLAINTEXT");
        assertThat(properties.getProperty(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)).endsWith("ByteArraySerializer");
    }
}
