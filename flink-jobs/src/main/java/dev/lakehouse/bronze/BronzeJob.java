package dev.lakehouse.bronze;

import dev.lakehouse.contract.Source;
import dev.lakehouse.iceberg.IcebergTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.FlinkSink;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Kafka topics → bronze Iceberg tables, exactly once: offsets and Iceberg commits both ride on checkpoints. */
public final class BronzeJob {
    public static final String JOB_NAME = "lakehouse-bronze";

    private BronzeJob() {}

    /**
     * Creates the bronze tables if missing and adds the job to {@code env}; the caller executes it.
     *
     * @return the de-duplicated rows of each source, for the layers built on bronze
     */
    public static Map<Source, DataStream<RowData>> addTo(StreamExecutionEnvironment env, BronzeJobConfig config) throws Exception {
        return addTo(env, config, config.catalog().loader());
    }

    /** As {@link #addTo(StreamExecutionEnvironment, BronzeJobConfig)}, with the tables in {@code catalog}. */
    public static Map<Source, DataStream<RowData>> addTo(StreamExecutionEnvironment env, BronzeJobConfig config, CatalogLoader catalog)
            throws Exception {
        createTables(catalog);
        // The source's uid keys its state (the Kafka offsets of each split): never change it.
        DataStream<KafkaRecord> records = env.fromSource(kafkaSource(config), watermarks(config), "Kafka: seed topics")
                .uid("bronze-kafka-source");
        List<DataStream<EvolvingBronzeSink.SourceRow>> withExtraColumns = new ArrayList<>();
        Map<Source, DataStream<RowData>> firstSeen = BronzePipeline.build(records, config.topicPrefix(), config.maxRecordBytes(),
                config.dedupTtl(), (table, rows) -> {
                    Optional<Source> source = Source.byName(table.name());
                    if (source.isEmpty()) {
                        appendTo(catalog, table, rows);
                        return;
                    }
                    appendTo(catalog, table, contractRows(catalog, source.get(), rows));
                    withExtraColumns.add(EvolvingBronzeSink.sourceRows(source.get(), rows));
                });
        EvolvingBronzeSink.write(catalog, withExtraColumns);
        return firstSeen;
    }

    /**
     * The rows of a source without extra columns, shaped for the FlinkSink: it writes with the table's schema as it is
     * when the job starts, which includes any column schema evolution added before.
     */
    private static DataStream<RowData> contractRows(CatalogLoader loader, Source source, DataStream<RowData> rows) {
        Schema bronze = BronzeTables.schema(source);
        Schema current = currentSchema(loader, BronzeTables.identifier(source));
        for (Types.NestedField column : bronze.columns()) {
            Types.NestedField found = current.findField(column.name());
            if (found == null || current.columns().indexOf(found) != bronze.columns().indexOf(column)) {
                throw new IllegalStateException("table " + BronzeTables.identifier(source) + " no longer starts with the bronze "
                        + "columns in order (" + column.name() + " is missing or moved): only added columns are supported");
            }
        }
        DataStream<RowData> contract = rows.filter(new EvolvingBronzeSink.WithoutExtraColumns(BronzeRows.extraColumnsIndex(source)))
                .name("Rows with the contract's columns " + source.sourceName());
        int added = current.columns().size() - bronze.columns().size();
        if (added == 0) {
            return contract;
        }
        // Where the table's first added column is, a row holds its null extra-columns field: pad the rest.
        return contract.map(new EvolvingBronzeSink.ToTableWidth(added - 1))
                .returns(InternalTypeInfo.of(BronzeTypes.rowType(current)))
                .name("To the table's columns " + source.sourceName());
    }

    private static Schema currentSchema(CatalogLoader loader, TableIdentifier table) {
        Catalog catalog = loader.loadCatalog();
        try {
            return catalog.loadTable(table).schema();
        } finally {
            if (catalog instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot close the catalog client", e);
                }
            }
        }
    }

    public static void createTables(BronzeJobConfig config) throws Exception {
        createTables(config.catalog().loader());
    }

    private static void createTables(CatalogLoader loader) throws Exception {
        Catalog catalog = loader.loadCatalog();
        try {
            for (Source source : Source.values()) {
                IcebergTables.ensure(catalog, BronzeTables.identifier(source), BronzeTables.schema(source), BronzeTables.tableProperties());
            }
            IcebergTables.ensure(catalog, BronzeTables.rejectedRecords(), BronzeTables.rejectedRecordsSchema(), BronzeTables.tableProperties());
        } finally {
            if (catalog instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    private static KafkaSource<KafkaRecord> kafkaSource(BronzeJobConfig config) {
        Properties properties = new Properties();
        properties.putAll(config.kafkaProperties());
        return KafkaSource.<KafkaRecord>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setTopics(BronzeTopics.all(config.topicPrefix()))
                .setGroupId(config.consumerGroup())
                // A restart without a checkpoint resumes where the last completed checkpoint committed its offsets.
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new KafkaRecordDeserializer())
                .setProperties(properties)
                .setProperty("isolation.level", "read_committed")
                .setProperty("commit.offsets.on.checkpoint", "true")
                .build();
    }

    /** Producers stamp each record with its event time; watermarks are tracked per partition. */
    private static WatermarkStrategy<KafkaRecord> watermarks(BronzeJobConfig config) {
        return WatermarkStrategy.<KafkaRecord>forBoundedOutOfOrderness(config.maxOutOfOrderness())
                .withTimestampAssigner((record, kafkaTimestamp) -> record.timestamp)
                .withIdleness(config.idleTimeout());
    }

    private static void appendTo(CatalogLoader catalog, TableIdentifier table, DataStream<RowData> rows) {
        FlinkSink.forRowData(rows)
                .tableLoader(TableLoader.fromCatalog(catalog, table))
                .uidPrefix("bronze-sink-" + table.name())
                .append();
    }
}
