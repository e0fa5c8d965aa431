package dev.lakehouse.bronze;

import dev.lakehouse.contract.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.FlinkSink;
import org.apache.iceberg.types.Types;

/**
 * The bronze tables in Iceberg. Each table has a FlinkSink (uid prefix {@code bronze-sink-<table>}, unchanged since the
 * first release) for the rows with the contract's columns; the rows of the source tables that carry extra columns go
 * to the one schema-evolving sink ({@link EvolvingBronzeSink}), added by {@link #finish()}.
 */
public final class BronzeIcebergSink implements BronzeSink {
    private final CatalogLoader catalog;
    private final List<DataStream<EvolvingBronzeSink.SourceRow>> withExtraColumns = new ArrayList<>();

    public BronzeIcebergSink(CatalogLoader catalog) {
        this.catalog = catalog;
    }

    @Override
    public void write(TableIdentifier table, DataStream<RowData> rows) {
        Optional<Source> source = Source.byName(table.name());
        if (source.isEmpty()) {
            append(table, rows);
            return;
        }
        append(table, contractRows(source.get(), rows));
        withExtraColumns.add(EvolvingBronzeSink.sourceRows(source.get(), rows));
    }

    /** Adds the schema-evolving sink for the rows with extra columns of every table written; call once, at the end. */
    public void finish() {
        if (!withExtraColumns.isEmpty()) {
            EvolvingBronzeSink.write(catalog, withExtraColumns);
        }
    }

    private void append(TableIdentifier table, DataStream<RowData> rows) {
        FlinkSink.forRowData(rows)
                .tableLoader(TableLoader.fromCatalog(catalog, table))
                .uidPrefix("bronze-sink-" + table.name())
                .append();
    }

    /**
     * The rows of a source without extra columns, shaped for the FlinkSink: it writes with the table's schema as it is
     * when the job starts, which includes the columns schema evolution added before.
     */
    private DataStream<RowData> contractRows(Source source, DataStream<RowData> rows) {
        Schema bronze = BronzeTables.schema(source);
        Schema current = currentSchema(BronzeTables.identifier(source));
        for (int i = 0; i < bronze.columns().size(); i++) {
            String name = bronze.columns().get(i).name();
            Types.NestedField found = i < current.columns().size() ? current.columns().get(i) : null;
            if (found == null || !found.name().equals(name)) {
                throw new IllegalStateException("table " + BronzeTables.identifier(source) + " no longer starts with the bronze "
                        + "columns in order (" + name + " is missing or moved): schema evolution only adds columns at the end");
            }
        }
        DataStream<RowData> contract = rows.filter(new EvolvingBronzeSink.WithoutExtraColumns(BronzeRows.extraColumnsIndex(source)))
                .name("Rows with the contract's columns " + source.sourceName());
        int added = current.columns().size() - bronze.columns().size();
        if (added == 0) {
            return contract;
        }
        // Where the table's first added column is, the row holds its null extra-columns field: pad the rest.
        return contract.map(new EvolvingBronzeSink.ToTableWidth(added - 1))
                .returns(InternalTypeInfo.of(BronzeTypes.rowType(current)))
                .name("To the table's columns " + source.sourceName());
    }

    private Schema currentSchema(TableIdentifier table) {
        Catalog loaded = catalog.loadCatalog();
        try {
            return loaded.loadTable(table).schema();
        } finally {
            if (loaded instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot close the catalog client", e);
                }
            }
        }
    }
}
