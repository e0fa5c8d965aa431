package dev.lakehouse.gold;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.conversion.DataStructureConverter;
import org.apache.flink.table.data.conversion.DataStructureConverters;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.utils.TypeConversions;
import org.apache.flink.types.Row;

/**
 * The conversion of the external {@link Row}s that the Table API's {@code toChangelogStream} gives (LocalDateTime,
 * BigDecimal, ...) to the internal rows the Iceberg sink takes. The row kind travels with the row.
 */
final class ExternalRows {
    private ExternalRows() {}

    /** The external data type of rows of {@code rowType}: default conversion classes, as toChangelogStream gives. */
    static DataType dataType(RowType rowType) {
        return TypeConversions.fromLogicalToDataType(rowType);
    }

    /** Row → RowData, for the Iceberg sink. */
    static final class ToInternal extends RichMapFunction<Row, RowData> {
        private final RowType rowType;
        private transient DataStructureConverter<Object, Object> converter;

        ToInternal(RowType rowType) {
            this.rowType = rowType;
        }

        @Override
        public void open(OpenContext context) {
            converter = converterFor(rowType);
        }

        @Override
        public RowData map(Row row) {
            return (RowData) converter.toInternal(row);
        }
    }

    private static DataStructureConverter<Object, Object> converterFor(RowType rowType) {
        DataStructureConverter<Object, Object> converter = DataStructureConverters.getConverter(dataType(rowType));
        converter.open(ExternalRows.class.getClassLoader());
        return converter;
    }
}
