package dev.lakehouse.replay;

import dev.lakehouse.contract.HeartbeatHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;

/**
 * Moves event time forward on every partition of the given topics by sending one heartbeat record to each: after a
 * replay of history nothing newer arrives, so without it the last sessions and SLA deadlines would wait forever for a
 * watermark. Watermarks are tracked per partition, hence one heartbeat per partition.
 */
public final class EventTimeHeartbeat {
    private EventTimeHeartbeat() {}

    /** @return the number of partitions that received a heartbeat */
    public static int send(String bootstrapServers, Properties kafkaOverrides, List<String> topics, Instant eventTime)
            throws InterruptedException, ExecutionException {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                KafkaRecordSender.producerProperties(bootstrapServers, kafkaOverrides))) {
            for (String topic : topics) {
                for (PartitionInfo partition : producer.partitionsFor(topic)) {
                    ProducerRecord<byte[], byte[]> heartbeat = new ProducerRecord<>(topic, partition.partition(),
                            eventTime.toEpochMilli(), null, new byte[0]);
                    heartbeat.headers().add(HeartbeatHeaders.HEARTBEAT, "1".getBytes(StandardCharsets.UTF_8));
                    sends.add(producer.send(heartbeat));
                }
            }
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        }
        return sends.size();
    }
}
