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

    /**
     * Accept records up to 8 MiB (Kafka's default is about 1 MB). A producer that ignores the contract can send a 5 MB
     * record ({@code ./lakehouse inject-bad-records} does); the broker must take it so that the bronze job can reject it
     * into {@code bronze.rejected_records} as oversized, rather than the producer failing where nobody sees it. The
     * job's consumer fetches it with default settings: a fetch always returns at least the first record batch, however
     * large.
     */
    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    /** What the stack creates its topics with: records kept forever, and room for oversized ones. */
    public static final Map<String, String> TOPIC_CONFIGS = Map.of(
            "retention.ms", "-1",
            "retention.bytes", "-1",
            "max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));

    private KafkaTopicDefaults() {
    }
}
