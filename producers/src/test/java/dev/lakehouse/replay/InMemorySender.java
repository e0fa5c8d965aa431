package dev.lakehouse.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Collects what a replay sends, for tests. Can be told to fail from a given send on. */
final class InMemorySender implements RecordSender {
    /** @param columns the column names header, or null */
    record Sent(String topic, String key, String value, long timestampMillis, String columns) {}

    record SentDeadLetter(String topic, DeadLetter deadLetter) {
        String value() {
            return new String(deadLetter.value(), StandardCharsets.UTF_8);
        }
    }

    final List<Sent> sent = new ArrayList<>();
    final List<SentDeadLetter> deadLetters = new ArrayList<>();
    int flushes;
    private final long failAfter;
    private Throwable failure;

    InMemorySender() {
        this(Long.MAX_VALUE);
    }

    /** Every send after the first {@code failAfter} fails asynchronously, as a lost broker would. */
    InMemorySender(long failAfter) {
        this.failAfter = failAfter;
    }

    @Override
    public void send(String topic, byte[] key, byte[] value, long timestampMillis) {
        send(topic, key, value, timestampMillis, null);
    }

    @Override
    public void send(String topic, byte[] key, byte[] value, long timestampMillis, byte[] columns) {
        if (sent.size() >= failAfter) {
            failure = new IllegalStateException("broker gone");
            return;
        }
        sent.add(new Sent(topic, new String(key, StandardCharsets.UTF_8), new String(value, StandardCharsets.UTF_8),
                timestampMillis, columns == null ? null : new String(columns, StandardCharsets.UTF_8)));
    }

    @Override
    public void sendDeadLetter(String topic, DeadLetter deadLetter) {
        deadLetters.add(new SentDeadLetter(topic, deadLetter));
    }

    @Override
    public void flush() {
        flushes++;
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() {}
}
