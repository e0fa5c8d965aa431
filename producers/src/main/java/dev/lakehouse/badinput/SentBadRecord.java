package dev.lakehouse.badinput;

import dev.lakehouse.contract.RejectReason;
import dev.lakehouse.contract.Source;
import java.util.Optional;

/** A bad record as written: what it is, and where Kafka put it (the coordinates bronze records with it). */
public record SentBadRecord(BadRecordKind kind, Source source, String primaryKey, int size, String topic, int partition,
        long offset) {

    public Optional<RejectReason> expectedReason() {
        return kind.expectedReason();
    }
}
