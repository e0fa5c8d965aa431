package dev.lakehouse.stack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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

    public static List<String> column(Catalog catalog, TableIdentifier id, String column) {
        return read(catalog, id).stream().map(r -> String.valueOf(r.getField(column))).toList();
    }
}
