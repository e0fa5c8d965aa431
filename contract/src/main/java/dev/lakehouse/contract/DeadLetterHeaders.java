package dev.lakehouse.contract;

/**
 * Kafka headers on the dead-letter topic. The producer sends a row that breaks the contract there, with the
 * raw line as the value; the bronze job copies it into {@code bronze.rejected_records}.
 */
public final class DeadLetterHeaders {
    /** The topic suffix, after the topic prefix. */
    public static final String TOPIC_NAME = "dead_letters";

    public static final String SOURCE = "lakehouse.source";
    public static final String REASON = "lakehouse.reason";
    public static final String DETAIL = "lakehouse.detail";
    public static final String FILE = "lakehouse.file";
    public static final String LINE = "lakehouse.line";

    private DeadLetterHeaders() {}

    public static String topic(String prefix) {
        return prefix + TOPIC_NAME;
    }
}
