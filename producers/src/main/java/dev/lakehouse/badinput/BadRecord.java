package dev.lakehouse.badinput;

import dev.lakehouse.contract.RejectReason;
import dev.lakehouse.contract.Source;
import java.util.Optional;

/**
 * One generated bad record, bound for the topic of {@code source}.
 *
 * @param value the raw bytes; null for a record without a value
 * @param primaryKey the id of the row it was made from: the key it has in bronze when it is kept
 */
public record BadRecord(long index, BadRecordKind kind, Source source, byte[] value, String primaryKey) {

    public Optional<RejectReason> expectedReason() {
        return kind.expectedReason();
    }

    public int size() {
        return value == null ? 0 : value.length;
    }
}
