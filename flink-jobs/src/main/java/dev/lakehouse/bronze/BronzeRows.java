package dev.lakehouse.bronze;

import dev.lakehouse.contract.ParseResult;
import dev.lakehouse.contract.RejectedPayload;
import dev.lakehouse.contract.ColumnType;
import dev.lakehouse.contract.Source;
import dev.lakehouse.contract.TypedRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.lakehouse.iceberg.RowValues;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;

/** Builds the Flink rows of the bronze tables, in the column order of {@link BronzeTables}. */
public final class BronzeRows {
    public static final String REJECTED_BY_PRODUCER = "producer";
    public static final String REJECTED_BY_BRONZE = "bronze";

    private BronzeRows() {}

    public static RowData accepted(TypedRow row, KafkaRecord record, long ingestedAtMillis) {
        return accepted(row, Map.of(), record, ingestedAtMillis);
    }

    /**
     * A bronze stream row ({@link BronzeTypes#streamRowType}): contract columns, lineage, and the extra columns the
     * record's column names brought (null when there are none, the common case).
     */
    public static RowData accepted(TypedRow row, Map<String, String> extraColumns, KafkaRecord record, long ingestedAtMillis) {
        int contractColumns = row.arity();
        int lineageEnd = contractColumns + BronzeTables.LINEAGE_COLUMNS.size();
        GenericRowData out = new GenericRowData(lineageEnd + 1);
        if (!extraColumns.isEmpty()) {
            Map<StringData, StringData> extras = new LinkedHashMap<>();
            extraColumns.forEach((name, value) -> extras.put(StringData.fromString(name), RowValues.string(value)));
            out.setField(lineageEnd, new GenericMapData(extras));
        }
        for (int i = 0; i < contractColumns; i++) {
            out.setField(i, internal(row.value(i)));
        }
        out.setField(contractColumns, TimestampData.fromEpochMillis(ingestedAtMillis));
        out.setField(contractColumns + 1, StringData.fromString(row.source().sourceName()));
        out.setField(contractColumns + 2, StringData.fromString(record.topic));
        out.setField(contractColumns + 3, record.partition);
        out.setField(contractColumns + 4, record.offset);
        return out;
    }

    /**
     * A record the bronze job itself found breaking the contract.
     *
     * @param maxPayloadBytes the most of the value {@code raw_payload} keeps (see {@link RejectedPayload})
     */
    public static RowData rejected(Source source, ParseResult.Rejected rejection, KafkaRecord record, long nowMillis,
            int maxPayloadBytes) {
        return rejectedRow(source == null ? null : source.sourceName(), rejection.reason().code(), rejection.detail(),
                REJECTED_BY_BRONZE, record, nowMillis, maxPayloadBytes);
    }

    /** A row the replay producer rejected and sent to the dead-letter topic. */
    public static RowData deadLetter(KafkaRecord record, long nowMillis, int maxPayloadBytes) {
        return rejectedRow(record.deadLetterSource, record.deadLetterReason, record.deadLetterDetail,
                REJECTED_BY_PRODUCER, record, nowMillis, maxPayloadBytes);
    }

    private static RowData rejectedRow(String source, String reason, String detail, String rejectedBy, KafkaRecord record,
            long nowMillis, int maxPayloadBytes) {
        byte[] value = record.value;
        return GenericRowData.of(
                StringData.fromString(source),
                StringData.fromString(reason),
                StringData.fromString(detail),
                StringData.fromString(RejectedPayload.stored(value, maxPayloadBytes)),
                value == null ? null : value.length,
                StringData.fromString(rejectedBy),
                StringData.fromString(record.deadLetterFile),
                record.deadLetterLine,
                StringData.fromString(record.topic),
                record.partition,
                record.offset,
                record.timestamp < 0 ? null : TimestampData.fromEpochMillis(record.timestamp),
                TimestampData.fromEpochMillis(nowMillis));
    }

    /** Whether a bronze stream row carries extra columns. */
    public static boolean hasExtraColumns(Source source, RowData row) {
        return !row.isNullAt(extraColumnsIndex(source));
    }

    /** The extra columns of a bronze stream row, by name in header order; empty when it has none. */
    public static Map<String, String> extraColumns(Source source, RowData row) {
        int index = extraColumnsIndex(source);
        if (row.isNullAt(index)) {
            return Map.of();
        }
        MapData map = row.getMap(index);
        ArrayData names = map.keyArray();
        ArrayData values = map.valueArray();
        Map<String, String> extras = new LinkedHashMap<>();
        for (int i = 0; i < map.size(); i++) {
            extras.put(names.getString(i).toString(), values.isNullAt(i) ? null : values.getString(i).toString());
        }
        return extras;
    }

    /** The position of {@link BronzeTypes#EXTRA_COLUMNS}: right after the table's columns. */
    public static int extraColumnsIndex(Source source) {
        return source.columns().size() + BronzeTables.LINEAGE_COLUMNS.size();
    }

    /** The contract columns of a bronze row, back as the typed row they were built from (lineage dropped). */
    public static TypedRow toTypedRow(Source source, RowData row) {
        Object[] values = new Object[source.columns().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.isNullAt(i) ? null : external(source.columns().get(i).type(), row, i);
        }
        return TypedRow.ofParsedValues(source, values);
    }

    private static Object external(ColumnType type, RowData row, int index) {
        return switch (type) {
            case STRING -> row.getString(index).toString();
            case TIMESTAMP -> row.getTimestamp(index, 6).toLocalDateTime();
            case DATE -> LocalDate.ofEpochDay(row.getInt(index));
            case DECIMAL -> row.getDecimal(index, 10, 2).toBigDecimal();
            case INT -> row.getInt(index);
            case DOUBLE -> row.getDouble(index);
        };
    }

    private static Object internal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return StringData.fromString(text);
        }
        if (value instanceof LocalDateTime timestamp) {
            return TimestampData.fromLocalDateTime(timestamp);
        }
        if (value instanceof LocalDate date) {
            return (int) date.toEpochDay();
        }
        if (value instanceof BigDecimal decimal) {
            return DecimalData.fromBigDecimal(decimal, 10, 2);
        }
        return value; // Integer, Double: the same in Flink's internal representation
    }
}
