package dev.lakehouse.stack.testing;

import dev.lakehouse.replay.DeadLetter;
import dev.lakehouse.replay.RecordSender;
import java.util.List;

/**
 * Keeps what the replay producer would send, in its (event-time) order, so a test can send it in parts around a
 * fault or an upgrade. For seeds without bad rows: a dead letter fails the test.
 */
public record RecordBuffer(List<BufferedRecord> records) implements RecordSender {

    /** One record as the producer would have sent it. */
    public record BufferedRecord(String topic, byte[] key, byte[] value, long timestamp) {}

    @Override
    public void send(String topic, byte[] key, byte[] value, long timestampMillis) {
        records.add(new BufferedRecord(topic, key, value, timestampMillis));
    }

    @Override
    public void sendDeadLetter(String topic, DeadLetter deadLetter) {
        throw new AssertionError("the seeds hold no bad rows: " + deadLetter);
    }

    @Override
    public void flush() {}

    @Override
    public Throwable failure() {
        return null;
    }

    @Override
    public void close() {}
}
