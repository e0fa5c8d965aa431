package dev.lakehouse.stack.chaos;

import dev.lakehouse.bronze.BronzeTables;
import dev.lakehouse.contract.Source;
import dev.lakehouse.late.LateEventTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/**
 * Every table of a chaos run against the same table of a fault-free run of the same data, through each warehouse's
 * Iceberg catalog (the tables' current snapshots, as a query sees them).
 *
 * <p>Rows are matched by the table's identifier fields (the upsert key of the silver and gold tables), or by the
 * contract's primary key for the bronze source tables; tables with neither (the dead letters, late events, SLA
 * breaches if appended) are compared as whole-row multisets. Left out, because they differ between any two runs:
 * <ul>
 *   <li>{@code ingested_at}, {@code kafka_partition}, {@code kafka_offset} of bronze: when and where the row was read;
 *       a producer that sends again moves every later row to other offsets;</li>
 *   <li>{@code kafka_timestamp} and {@code rejected_at} of {@code bronze.rejected_records}: the broker's and the job's
 *       clock;</li>
 *   <li>{@code detected_at} and {@code watermark_at_arrival} of {@code silver.late_events}: processing time and where
 *       the watermark happened to be when the record arrived.</li>
 * </ul>
 */
public final class WarehouseComparison {
    /** Columns of every table that record when or where a row was read, not what it says. */
    public static final Set<String> EXCLUDED_EVERYWHERE = Set.of("ingested_at", "kafka_partition", "kafka_offset",
            "kafka_timestamp", "rejected_at");
    /** Processing-time columns of particular tables. */
    public static final Map<TableIdentifier, Set<String>> EXCLUDED_BY_TABLE = Map.of(
            LateEventTables.LATE_EVENTS, Set.of("detected_at", "watermark_at_arrival"));

    private WarehouseComparison() {}

    /**
     * @param progress told about each table as it is compared
     * @return one result per table, in the given order
     */
    public static List<TableComparison.Result> compare(Catalog reference, Catalog chaos, List<TableIdentifier> tables,
            Consumer<String> progress) {
        List<TableComparison.Result> results = new ArrayList<>();
        for (TableIdentifier id : tables) {
            progress.accept("comparing " + id);
            Table referenceTable = reference.loadTable(id);
            TableComparison comparison = new TableComparison(keyColumns(id, referenceTable.schema()), excludedColumns(id));
            read(referenceTable, comparison::addReference);
            read(chaos.loadTable(id), comparison::addChaos);
            results.add(comparison.result(id.toString()));
        }
        return results;
    }

    /** The identifier fields, else the bronze primary key, else none (whole rows). */
    static List<String> keyColumns(TableIdentifier id, Schema schema) {
        if (!schema.identifierFieldIds().isEmpty()) {
            return schema.identifierFieldIds().stream().sorted().map(fieldId -> schema.findField(fieldId).name()).toList();
        }
        for (Source source : Source.values()) {
            if (BronzeTables.identifier(source).equals(id)) {
                return List.of(source.primaryKey().name());
            }
        }
        return List.of();
    }

    static Set<String> excludedColumns(TableIdentifier id) {
        Set<String> excluded = new HashSet<>(EXCLUDED_EVERYWHERE);
        excluded.addAll(EXCLUDED_BY_TABLE.getOrDefault(id, Set.of()));
        return excluded;
    }

    /** Each current row as column name → value; only the table's columns (a delete-applying read adds {@code _pos}). */
    private static void read(Table table, Consumer<Map<String, Object>> rows) {
        List<Types.NestedField> columns = table.schema().columns();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
            for (Record record : records) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (Types.NestedField field : columns) {
                    row.put(field.name(), record.getField(field.name()));
                }
                rows.accept(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
