package dev.lakehouse.stack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** Reads a table's current rows through Iceberg itself, for assertions. */
public final class IcebergRows {
    private IcebergRows() {}

    public static List<Record> read(Catalog catalog, TableIdentifier id) {
        Table table = catalog.loadTable(id);
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
            records.forEach(rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Rows as column name → value maps (Iceberg's generic Java types), for comparisons with an oracle. */
    public static List<Map<String, Object>> readAsMaps(Catalog catalog, TableIdentifier id) {
        List<Map<String, Object>> rows = new ArrayList<>();
        // The table's own columns: a read that applies position deletes adds the metadata column _pos.
        List<Types.NestedField> columns = catalog.loadTable(id).schema().columns();
        for (Record record : read(catalog, id)) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Types.NestedField field : columns) {
                row.put(field.name(), record.getField(field.name()));
            }
            rows.add(row);
        }
        return rows;
    }

    public static List<String> column(Catalog catalog, TableIdentifier id, String column) {
        return read(catalog, id).stream().map(r -> String.valueOf(r.getField(column))).toList();
    }
}
