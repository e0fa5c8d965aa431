package dev.lakehouse.bronze;

import dev.lakehouse.contract.DeadLetterHeaders;
import dev.lakehouse.contract.Source;
import java.util.ArrayList;
import java.util.List;

/** The topics the bronze job reads: one per source, and the producer's dead letters. */
public final class BronzeTopics {
    private BronzeTopics() {}

    public static List<String> all(String prefix) {
        List<String> topics = new ArrayList<>();
        for (Source source : Source.values()) {
            topics.add(source.topic(prefix));
        }
        topics.add(DeadLetterHeaders.topic(prefix));
        return topics;
    }
}
