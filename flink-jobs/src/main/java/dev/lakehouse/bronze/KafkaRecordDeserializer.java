package dev.lakehouse.bronze;

import dev.lakehouse.contract.ColumnsHeader;
import dev.lakehouse.contract.DeadLetterHeaders;
import dev.lakehouse.contract.HeartbeatHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Keeps the raw bytes and coordinates; parsing happens in {@link BronzeRouter} where rejections are routed. */
public class KafkaRecordDeserializer implements KafkaRecordDeserializationSchema<KafkaRecord> {

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<KafkaRecord> out) {
        KafkaRecord result = new KafkaRecord(record.topic(), record.partition(), record.offset(), record.timestamp(), record.value());
        result.heartbeat = record.headers().lastHeader(HeartbeatHeaders.HEARTBEAT) != null;
        result.columns = header(record, ColumnsHeader.NAME);
        if (record.headers().lastHeader(DeadLetterHeaders.REASON) != null) {
            result.deadLetterSource = header(record, DeadLetterHeaders.SOURCE);
            result.deadLetterReason = header(record, DeadLetterHeaders.REASON);
            result.deadLetterDetail = header(record, DeadLetterHeaders.DETAIL);
            result.deadLetterFile = header(record, DeadLetterHeaders.FILE);
            String line = header(record, DeadLetterHeaders.LINE);
            result.deadLetterLine = line == null ? null : parseLine(line);
        }
        out.collect(result);
    }

    private static Long parseLine(String line) {
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public TypeInformation<KafkaRecord> getProducedType() {
        return TypeInformation.of(KafkaRecord.class);
    }
}
