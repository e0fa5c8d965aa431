package dev.lakehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.bronze.BronzeTypes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;
import org.apache.iceberg.Schema;

/**
 * Applies a changelog the way the Iceberg upsert sink does, to get the final table; strict about kinds so that the
 * changelog itself is checked: INSERT of a new key, UPDATE_AFTER and DELETE of an existing one, a DELETE carrying
 * exactly the row it removes. An upsert changelog ({@link #of}) has no UPDATE_BEFORE; a retracting one
 * ({@link #retracting}) puts before every UPDATE_AFTER an UPDATE_BEFORE carrying exactly the row it replaces, as
 * the gold queries need.
 */
public final class ChangelogTable {
    private final RowType type;
    private final List<String> key;
    private final boolean retracting;
    private final Map<List<Object>, Map<String, Object>> rows = new LinkedHashMap<>();
    /** The key of the UPDATE_BEFORE just applied, which the next change must update; {@code null} otherwise. */
    private List<Object> retracted;

    private ChangelogTable(Schema schema, List<String> key, boolean retracting) {
        this.type = BronzeTypes.rowType(schema);
        this.key = key;
        this.retracting = retracting;
    }

    public static ChangelogTable of(Schema schema, List<String> key, List<RowData> changelog) {
        return apply(new ChangelogTable(schema, key, false), changelog);
    }

    public static ChangelogTable retracting(Schema schema, List<String> key, List<RowData> changelog) {
        return apply(new ChangelogTable(schema, key, true), changelog);
    }

    private static ChangelogTable apply(ChangelogTable table, List<RowData> changelog) {
        changelog.forEach(table::apply);
        assertThat(table.retracted).as("UPDATE_BEFORE without its UPDATE_AFTER").isNull();
        return table;
    }

    private void apply(RowData change) {
        Map<String, Object> values = values(type, change);
        List<Object> k = key.stream().map(values::get).toList();
        if (retracted != null) {
            assertThat(change.getRowKind()).as("after UPDATE_BEFORE of " + retracted).isEqualTo(RowKind.UPDATE_AFTER);
            assertThat(k).as("UPDATE_AFTER of the key just retracted").isEqualTo(retracted);
        }
        switch (change.getRowKind()) {
            case INSERT -> assertThat(rows).as("INSERT of a new key").doesNotContainKey(k);
            case UPDATE_AFTER -> {
                assertThat(rows).as("UPDATE_AFTER of an existing key").containsKey(k);
                if (retracting) {
                    assertThat(retracted).as("UPDATE_AFTER of %s without its UPDATE_BEFORE", k).isEqualTo(k);
                }
            }
            case DELETE -> assertThat(rows.get(k)).as("DELETE of the row in the table").isEqualTo(values);
            case UPDATE_BEFORE -> {
                assertThat(retracting).as("an upsert changelog has no UPDATE_BEFORE: " + values).isTrue();
                assertThat(rows.get(k)).as("UPDATE_BEFORE of the row in the table").isEqualTo(values);
                retracted = k;
                return;
            }
        }
        retracted = null;
        if (change.getRowKind() == RowKind.DELETE) {
            rows.remove(k);
        } else {
            rows.put(k, values);
        }
    }

    public List<Map<String, Object>> rows() {
        return new ArrayList<>(rows.values());
    }

    /** The row of the given key values, in key column order; {@code null} when absent. */
    public Map<String, Object> row(Object... keyValues) {
        return rows.get(List.of(keyValues));
    }

    /** Column name → plain Java value (String, LocalDateTime, LocalDate, BigDecimal, Long, ...). */
    public static Map<String, Object> values(RowType type, RowData row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < type.getFieldCount(); i++) {
            Object value = RowData.createFieldGetter(type.getTypeAt(i), i).getFieldOrNull(row);
            values.put(type.getFieldNames().get(i), plain(type.getTypeAt(i).getTypeRoot(), value));
        }
        return values;
    }

    private static Object plain(LogicalTypeRoot root, Object value) {
        if (value == null) {
            return null;
        }
        if (root == LogicalTypeRoot.DATE) {
            return LocalDate.ofEpochDay((Integer) value);
        }
        if (value instanceof StringData text) {
            return text.toString();
        }
        if (value instanceof TimestampData timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof DecimalData decimal) {
            return decimal.toBigDecimal();
        }
        return value;
    }
}
