package dev.lakehouse.late;

import dev.lakehouse.bronze.BronzeTypes;
import dev.lakehouse.contract.Source;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;

/** Rows of {@code silver.late_events}, in the column order of {@link LateEventTables#schema()}. */
public final class LateEventRows {
    private LateEventRows() {}

    public static InternalTypeInfo<RowData> typeInfo() {
        return InternalTypeInfo.of(BronzeTypes.rowType(LateEventTables.schema()));
    }

    /**
     * @param eventTimeMillis the record's event time (UTC epoch ms), written without a zone like the contract's
     * @param watermarkMillis the operator's watermark when the record arrived
     * @param detectedAtMillis processing time
     */
    public static RowData row(Source source, String recordKey, String customerId, long eventTimeMillis,
            long watermarkMillis, LateReason reason, long detectedAtMillis) {
        return GenericRowData.of(
                StringData.fromString(source.sourceName()),
                StringData.fromString(recordKey),
                StringData.fromString(customerId),
                TimestampData.fromEpochMillis(eventTimeMillis),
                TimestampData.fromEpochMillis(watermarkMillis),
                StringData.fromString(reason.code()),
                TimestampData.fromEpochMillis(detectedAtMillis));
    }
}
