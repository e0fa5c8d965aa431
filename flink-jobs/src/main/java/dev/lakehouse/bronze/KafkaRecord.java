package dev.lakehouse.bronze;

import java.util.Objects;

/**
 * One Kafka record as the bronze job receives it: the raw value and its coordinates, before any parsing,
 * so a record that breaks the contract can still be stored byte for byte with its lineage. A Flink POJO.
 */
public class KafkaRecord {
    public String topic;
    public int partition;
    public long offset;
    /** The record timestamp; producers set it to the row's event time. */
    public long timestamp;
    public byte[] value;

    /** Set only on dead-letter records: what the producer found wrong (see DeadLetterHeaders). */
    public String deadLetterSource;
    public String deadLetterReason;
    public String deadLetterDetail;
    public String deadLetterFile;
    public Long deadLetterLine;

    /** The record's column names as one CSV line (see ColumnsHeader); null when they are the contract's. */
    public String columns;

    /** A record without data that only advances event time (see HeartbeatHeaders). */
    public boolean heartbeat;

    public KafkaRecord() {}

    public KafkaRecord(String topic, int partition, long offset, long timestamp, byte[] value) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KafkaRecord r && r.partition == partition && r.offset == offset && Objects.equals(r.topic, topic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset);
    }

    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset;
    }
}
