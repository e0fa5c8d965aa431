package dev.lakehouse.bronze;

import dev.lakehouse.contract.Source;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.table.data.RowData;

/**
 * Raw Kafka records → typed, de-duplicated bronze rows and dead letters. Sources and sinks are given, so tests
 * run the same pipeline on bounded input.
 */
public final class BronzePipeline {
    private BronzePipeline() {}

    /**
     * @return the de-duplicated rows of each source (bronze rows, with event-time timestamps and watermarks), for the
     *     layers built on top of bronze
     */
    public static Map<Source, DataStream<RowData>> build(DataStream<KafkaRecord> records, String topicPrefix, int maxRecordBytes,
            Duration dedupTtl, BronzeSink sink) {
        SingleOutputStreamOperator<RowData> rejected = records
                .process(new BronzeRouter(topicPrefix, maxRecordBytes), BronzeTypes.rejectedTypeInfo())
                .uid("bronze-router")
                .name("Parse against the contract");
        sink.write(BronzeTables.rejectedRecords(), rejected);

        Map<Source, DataStream<RowData>> firstSeenBySource = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            DataStream<RowData> firstSeen = rejected.getSideOutput(BronzeRouter.acceptedTag(source))
                    .keyBy(new PrimaryKey(source.primaryKeyIndex()))
                    .process(new FirstSeenFilter(dedupTtl), BronzeTypes.rowTypeInfo(source))
                    .uid("bronze-dedup-" + source.sourceName())
                    .name("First seen " + source.sourceName());
            sink.write(BronzeTables.identifier(source), firstSeen);
            firstSeenBySource.put(source, firstSeen);
        }
        return firstSeenBySource;
    }

    private record PrimaryKey(int index) implements KeySelector<RowData, String> {
        @Override
        public String getKey(RowData row) {
            return row.getString(index).toString();
        }
    }
}
