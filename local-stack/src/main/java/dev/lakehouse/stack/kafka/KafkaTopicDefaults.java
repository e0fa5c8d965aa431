package dev.lakehouse.stack.kafka;

import java.util.Map;

/** Topic configuration the local stack uses for every topic it creates. */
public final class KafkaTopicDefaults {

    /**
     * Keep every record forever.
     *
     * <p>Why: Kafka's time-based retention deletes a segment once its <em>largest record timestamp</em> is
     * older than {@code retention.ms}. The seed data carries event timestamps from 2024 and the producer
     * writes them as record timestamps, so with the default 7 days a freshly replayed topic would be
     * deleted by the next retention check (every 5 minutes). Replaying history is the whole point of a
     * Kappa lakehouse, so the local topics never expire by time; {@code retention.bytes} stays unlimited.
     */
    public static final Map<String, String> KEEP_FOREVER = Map.of(
            "retention.ms", "-1",
            "retention.bytes", "-1");

    private KafkaTopicDefaults() {
    }
}
