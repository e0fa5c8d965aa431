package dev.lakehouse.bronze;

import dev.lakehouse.contract.ColumnMapping;
import dev.lakehouse.contract.ColumnsHeader;
import dev.lakehouse.contract.DeadLetterHeaders;
import dev.lakehouse.contract.ParseResult;
import dev.lakehouse.contract.RejectReason;
import dev.lakehouse.contract.RowParser;
import dev.lakehouse.contract.Source;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses each Kafka record against the contract. Typed rows leave through the side output of their source;
 * everything that breaks the contract, or arrives on the dead-letter topic, is the main output, bound for
 * {@code bronze.rejected_records}. Nothing is dropped and nothing throws. A rejected value larger than the record
 * size limit keeps only its first {@code maxRecordBytes} bytes there, so a huge record cannot bloat the table.
 *
 * <p>A record with a {@code lakehouse.columns} header is mapped by column name ({@link ColumnMapping}): its extra
 * columns ride along in the row to the schema-evolving sink, and a missing required column rejects it as
 * {@code missing_column}.
 */
public class BronzeRouter extends ProcessFunction<KafkaRecord, RowData> {
    private final String topicPrefix;
    private final int maxRecordBytes;

    private transient RowParser parser;
    private transient Counter rejected;
    private transient Map<String, Route> routes;
    private transient String deadLetterTopic;

    /** Where records of one topic go; built once, since a tag carries a type built from the table schema. */
    private record Route(Source source, OutputTag<RowData> tag, Counter accepted, Map<String, ColumnMapping> mappings) {
        /**
         * The mapping of a record's column names, parsed once per distinct header: a producer sends the same header with
         * every record of a file. Bounded, so a producer sending ever new headers cannot grow it without limit.
         */
        ColumnMapping mapping(String columns) {
            ColumnMapping mapping = mappings.get(columns);
            if (mapping == null) {
                if (mappings.size() >= MAX_CACHED_HEADERS) {
                    mappings.clear();
                }
                mapping = ColumnMapping.of(source, ColumnsHeader.decode(columns));
                mappings.put(columns, mapping);
            }
            return mapping;
        }
    }

    private static final int MAX_CACHED_HEADERS = 64;

    public BronzeRouter(String topicPrefix, int maxRecordBytes) {
        this.topicPrefix = topicPrefix;
        this.maxRecordBytes = maxRecordBytes;
    }

    public static OutputTag<RowData> acceptedTag(Source source) {
        return new OutputTag<>("accepted-" + source.sourceName(), BronzeTypes.rowTypeInfo(source)) {};
    }

    @Override
    public void open(OpenContext openContext) {
        parser = new RowParser(maxRecordBytes);
        rejected = getRuntimeContext().getMetricGroup().counter("rejectedRecords");
        deadLetterTopic = DeadLetterHeaders.topic(topicPrefix);
        routes = new HashMap<>();
        for (Source source : Source.values()) {
            Counter accepted = getRuntimeContext().getMetricGroup().addGroup("source", source.sourceName()).counter("acceptedRecords");
            routes.put(source.topic(topicPrefix), new Route(source, acceptedTag(source), accepted, new HashMap<>()));
        }
    }

    @Override
    public void processElement(KafkaRecord record, Context ctx, Collector<RowData> rejectedOut) {
        if (record.heartbeat) {
            // Its timestamp has already moved the watermark at the source; there is no row to write.
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        if (record.topic.equals(deadLetterTopic)) {
            rejected.inc();
            rejectedOut.collect(BronzeRows.deadLetter(record, now, maxRecordBytes));
            return;
        }
        Route route = routes.get(record.topic);
        if (route == null) {
            rejected.inc();
            rejectedOut.collect(BronzeRows.rejected(null,
                    new ParseResult.Rejected(RejectReason.UNKNOWN_SOURCE, "no source for topic " + record.topic), record, now,
                    maxRecordBytes));
            return;
        }
        ParseResult result = record.columns == null
                ? parser.parseRecord(route.source(), record.value)
                : parser.parseRecord(route.source(), route.mapping(record.columns), record.value);
        if (result instanceof ParseResult.Accepted ok) {
            route.accepted().inc();
            ctx.output(route.tag(), BronzeRows.accepted(ok.row(), ok.extraColumns(), record, now));
        } else {
            rejected.inc();
            rejectedOut.collect(BronzeRows.rejected(route.source(), (ParseResult.Rejected) result, record, now, maxRecordBytes));
        }
    }
}
