package dev.lakehouse.replay;

/**
 * Where replayed rows go. The Kafka implementation is {@link KafkaRecordSender}; tests use an in-memory one.
 * Sends may be asynchronous: a failure shows up in {@link #failure()} later, at the latest after {@link #flush()}.
 */
public interface RecordSender extends AutoCloseable {

    /** Publishes one row of a source topic. */
    void send(String topic, byte[] key, byte[] value, long timestampMillis);

    /**
     * Publishes one row whose columns are named by {@code columns} (a {@link dev.lakehouse.contract.ColumnsHeader}
     * value); {@code null} is the same as {@link #send(String, byte[], byte[], long)}. A sender that cannot carry the
     * names refuses rather than publishing values bronze would misread.
     */
    default void send(String topic, byte[] key, byte[] value, long timestampMillis, byte[] columns) {
        if (columns != null) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot send column names");
        }
        send(topic, key, value, timestampMillis);
    }

    /** Publishes one rejected row to the dead-letter topic. */
    void sendDeadLetter(String topic, DeadLetter deadLetter);

    /** Waits until everything sent so far is acknowledged or has failed. */
    void flush();

    /** The first send that failed, or {@code null} while all is well. */
    Throwable failure();

    @Override
    void close();
}
