package dev.lakehouse.stack.kafka;

import java.util.HashMap;
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
     *
     * <p>Nor is a segment rolled by time ({@code segment.ms}, default 7 days): the broker rolls a segment once its
     * records span that much <em>record</em> time, and a replay packs a year of event time into minutes. A 10,000
     * rows/s soak rolled 230 segments of 140 KB per partition in three minutes, each with new log and index files,
     * and a fifth of the broker's request handling went into rolling. Segments still roll at {@code segment.bytes}
     * (1 GiB).
     */
    public static final Map<String, String> KEEP_FOREVER = Map.of(
            "retention.ms", "-1",
            "retention.bytes", "-1",
            "segment.ms", Long.toString(Long.MAX_VALUE));

    /**
     * Accept records up to 8 MiB (Kafka's default is about 1 MB). A producer that ignores the contract can send a 5 MB
     * record ({@code ./lakehouse inject-bad-records} does); the broker must take it so that the bronze job can reject it
     * into {@code bronze.rejected_records} as oversized, rather than the producer failing where nobody sees it. The
     * job's consumer fetches it with default settings: a fetch always returns at least the first record batch, however
     * large.
     */
    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    /** What the stack creates its topics with: records kept forever, and room for oversized ones. */
    public static final Map<String, String> TOPIC_CONFIGS = withMaxMessageBytes();

    private KafkaTopicDefaults() {
    }

    private static Map<String, String> withMaxMessageBytes() {
        Map<String, String> configs = new HashMap<>(KEEP_FOREVER);
        configs.put("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        return Map.copyOf(configs);
    }
}
