package dev.lakehouse.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.conversion.DataStructureConverter;
import org.apache.flink.table.data.conversion.DataStructureConverters;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.utils.TypeConversions;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.iceberg.Schema;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/**
 * Applies a changelog the way an Iceberg upsert sink does: INSERT and UPDATE_AFTER replace the row of their
 * key, DELETE removes it, UPDATE_BEFORE is ignored. Rows are read back as column name → Java value
 * (String, Long, LocalDateTime, BigDecimal, ...).
 */
public final class Changelog {
    /** The pseudo-column holding the row's {@link RowKind}. */
    public static final String KIND = "$kind";

    private final List<String> columns;
    private final List<String> keyColumns;
    private final DataStructureConverter<Object, Object> converter;
    private final Map<List<Object>, Map<String, Object>> table = new LinkedHashMap<>();
    private final List<Map<String, Object>> history = new ArrayList<>();

    public Changelog(Schema schema, List<String> keyColumns) {
        RowType rowType = FlinkSchemaUtil.convert(schema);
        this.columns = rowType.getFieldNames();
        this.keyColumns = keyColumns;
        this.converter = DataStructureConverters.getConverter(TypeConversions.fromLogicalToDataType(rowType));
        this.converter.open(Changelog.class.getClassLoader());
    }

    /** An append-only table: every row is kept. */
    public static List<Map<String, Object>> appended(Schema schema, List<RowData> rows) {
        Changelog log = new Changelog(schema, List.of());
        return rows.stream().map(log::toMap).toList();
    }

    public Changelog applyAll(List<RowData> rows) {
        rows.forEach(this::apply);
        return this;
    }

    public void apply(RowData row) {
        Map<String, Object> values = toMap(row);
        history.add(values);
        List<Object> key = keyColumns.stream().map(values::get).toList();
        switch (row.getRowKind()) {
            case INSERT, UPDATE_AFTER -> table.put(key, values);
            case DELETE -> table.remove(key);
            case UPDATE_BEFORE -> { }
        }
    }

    /** The current rows, by key (the key columns' values in order). */
    public Map<List<Object>, Map<String, Object>> rows() {
        return table;
    }

    public Map<String, Object> row(Object... key) {
        return table.get(List.of(key));
    }

    /** Every row applied, in order, with its key's DELETEs too. */
    public List<Map<String, Object>> history(Object... key) {
        return history.stream().filter(v -> keyColumns.stream().map(v::get).toList().equals(List.of(key))).toList();
    }

    private Map<String, Object> toMap(RowData row) {
        Row external = (Row) converter.toExternal(row);
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), external.getField(i));
        }
        values.put(KIND, row.getRowKind());
        return values;
    }
}
