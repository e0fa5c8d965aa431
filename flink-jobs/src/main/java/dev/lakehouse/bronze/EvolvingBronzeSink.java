package dev.lakehouse.bronze;

import dev.lakehouse.contract.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.utils.JoinedRowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.Collector;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.sink.dynamic.DynamicIcebergSink;
import org.apache.iceberg.flink.sink.dynamic.DynamicRecord;
import org.apache.iceberg.flink.sink.dynamic.DynamicRecordGenerator;

/**
 * Schema evolution for bronze: rows that carry extra columns (a producer's file added columns) go to their bronze table
 * through Iceberg's {@link DynamicIcebergSink}, which adds the missing columns to the table's schema while the job runs
 * (an Iceberg UpdateSchema commit) and writes the values; committed once per checkpoint, like every other sink.
 *
 * <p>Why two sinks per table and not only the dynamic one: rows with the contract's columns, nearly all of them, keep
 * the plain FlinkSink with its old operator uids, so savepoints of earlier versions still restore and the common path
 * costs what it did. Iceberg accepts commits from both (each tracks its own checkpoints by operator id); a data file
 * written before a column existed reads that column as NULL.
 */
public final class EvolvingBronzeSink {
    /** The uid prefix of the dynamic sink's operators (they are new operators: old savepoints have no state for them). */
    public static final String UID_PREFIX = "bronze-evolving-sink";

    private EvolvingBronzeSink() {}

    /** A bronze stream row of any source in one type, so the rows of all four tables share one sink. A Flink POJO. */
    public static class SourceRow {
        public String source;
        /** The row, serialized with the source's {@link BronzeTypes#streamRowType(Source)} serializer. */
        public byte[] row;

        public SourceRow() {}

        SourceRow(String source, byte[] row) {
            this.source = source;
            this.row = row;
        }
    }

    /** Rows without extra columns: the common path, to the table's FlinkSink. */
    public record WithoutExtraColumns(int extraColumnsIndex) implements FilterFunction<RowData> {
        @Override
        public boolean filter(RowData row) {
            return row.isNullAt(extraColumnsIndex);
        }
    }

    /** Rows with extra columns: to this sink. */
    public record WithExtraColumns(int extraColumnsIndex) implements FilterFunction<RowData> {
        @Override
        public boolean filter(RowData row) {
            return !row.isNullAt(extraColumnsIndex);
        }
    }

    /**
     * Widens a common-path row to the table's schema as the FlinkSink loaded it at job start: a table that gained
     * columns earlier has them after the lineage columns, where the row holds its (null) extra-columns field and
     * nothing more. The FlinkSink reads by position, so the row gets null fields up to the table's width; no copy.
     */
    public record ToTableWidth(int missing) implements MapFunction<RowData, RowData> {
        @Override
        public RowData map(RowData row) {
            return new JoinedRowData(row, new GenericRowData(missing));
        }
    }

    /** The rows with extra columns of one source, in the sink's common input type. */
    public static DataStream<SourceRow> sourceRows(Source source, DataStream<RowData> rows) {
        return rows.filter(new WithExtraColumns(BronzeRows.extraColumnsIndex(source)))
                .name("Rows with extra columns " + source.sourceName())
                .map(new ToSourceRow(source))
                .name("Evolving rows " + source.sourceName());
    }

    /** One dynamic sink for the rows with extra columns of every bronze table. */
    public static void write(CatalogLoader catalog, List<DataStream<SourceRow>> rows) {
        DataStream<SourceRow> all = rows.get(0);
        for (DataStream<SourceRow> more : rows.subList(1, rows.size())) {
            all = all.union(more);
        }
        DynamicIcebergSink.forInput(all)
                .generator(new Generator())
                .catalogLoader(catalog)
                .uidPrefix(UID_PREFIX)
                // New columns only: a column some file lacks stays in the table (older rows keep their values).
                .dropUnusedColumns(false)
                .append();
    }

    private static final class ToSourceRow extends RichMapFunction<RowData, SourceRow> {
        private final Source source;
        private transient RowDataSerializer serializer;
        private transient DataOutputSerializer out;

        ToSourceRow(Source source) {
            this.source = source;
        }

        @Override
        public void open(OpenContext openContext) {
            serializer = new RowDataSerializer(BronzeTypes.streamRowType(source));
            out = new DataOutputSerializer(1024);
        }

        @Override
        public SourceRow map(RowData row) throws IOException {
            out.clear();
            serializer.serialize(row, out);
            return new SourceRow(source.sourceName(), out.getCopyOfBuffer());
        }
    }

    /** A bronze row with extra columns → a record of its table, with a schema that names the extra columns. */
    static final class Generator implements DynamicRecordGenerator<SourceRow> {
        private transient Map<Source, RowDataSerializer> serializers;
        private transient Map<Source, RowData.FieldGetter[]> tableColumns;
        /** One Schema instance per set of extra columns: the dynamic sink caches its schema comparisons per instance. */
        private transient Map<Source, Map<List<String>, Schema>> schemas;

        @Override
        public void open(OpenContext openContext) {
            serializers = new EnumMap<>(Source.class);
            tableColumns = new EnumMap<>(Source.class);
            schemas = new EnumMap<>(Source.class);
            for (Source source : Source.values()) {
                serializers.put(source, new RowDataSerializer(BronzeTypes.streamRowType(source)));
                RowType table = BronzeTypes.rowType(BronzeTables.schema(source));
                RowData.FieldGetter[] getters = new RowData.FieldGetter[table.getFieldCount()];
                for (int i = 0; i < getters.length; i++) {
                    getters[i] = RowData.createFieldGetter(table.getTypeAt(i), i);
                }
                tableColumns.put(source, getters);
                schemas.put(source, new HashMap<>());
            }
        }

        @Override
        public void generate(SourceRow input, Collector<DynamicRecord> out) {
            Source source = Source.byName(input.source).orElseThrow(() -> new IllegalStateException("no source " + input.source));
            RowData row;
            try {
                row = serializers.get(source).deserialize(new DataInputDeserializer(input.row));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> extras = BronzeRows.extraColumns(source, row);
            List<String> names = new ArrayList<>(extras.keySet());
            Schema schema = schemas.get(source).computeIfAbsent(names, n -> BronzeTables.schemaWithExtraColumns(source, n));
            RowData.FieldGetter[] getters = tableColumns.get(source);
            GenericRowData widened = new GenericRowData(getters.length + names.size());
            for (int i = 0; i < getters.length; i++) {
                widened.setField(i, getters[i].getFieldOrNull(row));
            }
            int i = getters.length;
            for (String value : extras.values()) {
                widened.setField(i++, value == null ? null : StringData.fromString(value));
            }
            out.collect(new DynamicRecord(BronzeTables.identifier(source), SnapshotRef.MAIN_BRANCH, schema, widened,
                    PartitionSpec.unpartitioned()));
        }
    }
}
