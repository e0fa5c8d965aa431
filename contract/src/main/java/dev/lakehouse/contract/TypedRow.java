package dev.lakehouse.contract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * A row that satisfies the contract. Values are in {@link Source#columns()} order, typed as
 * {@link ColumnType} documents; {@code null} where the field was empty.
 */
public final class TypedRow {
    private final Source source;
    private final Object[] values;

    TypedRow(Source source, Object[] values) {
        this.source = source;
        this.values = values;
    }

    /**
     * A row rebuilt from values that were typed by {@link RowParser} before (e.g. read back from a bronze row): no
     * validation beyond the column count.
     */
    public static TypedRow ofParsedValues(Source source, Object... values) {
        if (values.length != source.columns().size()) {
            throw new IllegalArgumentException(source.sourceName() + " has " + source.columns().size() + " columns, got "
                    + values.length + " values");
        }
        return new TypedRow(source, values.clone());
    }

    public Source source() {
        return source;
    }

    public Object value(int index) {
        return values[index];
    }

    public int arity() {
        return values.length;
    }

    public String primaryKey() {
        return (String) values[source.primaryKeyIndex()];
    }

    public String kafkaKey() {
        return (String) values[source.kafkaKeyIndex()];
    }

    /** Event time in epoch milliseconds, UTC; a date counts as the start of its day. */
    public long eventTimeMillis() {
        Object value = values[source.eventTimeIndex()];
        if (value instanceof LocalDateTime timestamp) {
            return timestamp.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        return ((LocalDate) value).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TypedRow row && row.source == source && Arrays.equals(row.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * source.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return source.sourceName() + Arrays.toString(values);
    }
}
