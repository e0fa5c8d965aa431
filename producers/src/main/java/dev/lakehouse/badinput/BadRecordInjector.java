package dev.lakehouse.badinput;

import dev.lakehouse.contract.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes bad records straight into the source topics with a plain KafkaProducer: none of the replay producer's checks
 * run, so the bronze job meets them as a misbehaving producer would send them.
 */
public final class BadRecordInjector implements AutoCloseable {
    /**
     * Room for a 5 MiB record and its batch overhead. The topics must allow as much ({@code max.message.bytes}); the
     * local stack creates them so.
     */
    public static final int MAX_REQUEST_BYTES = 8 * 1024 * 1024;

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topicPrefix;
    private final long timestampMillis;

    /**
     * @param recordTime the Kafka timestamp of every record. The job's watermarks follow record timestamps, so bad
     *     records stamped with the wall clock would move event time past a replayed history and turn every later good
     *     row late; the default (see the command) is the start of the seed data's year.
     */
    public BadRecordInjector(String bootstrapServers, Properties overrides, String topicPrefix, Instant recordTime) {
        this.producer = new KafkaProducer<>(producerProperties(bootstrapServers, overrides));
        this.topicPrefix = topicPrefix;
        this.timestampMillis = recordTime.toEpochMilli();
    }

    static Properties producerProperties(String bootstrapServers, Properties overrides) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_REQUEST_BYTES));
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "lakehouse-inject-bad-records");
        properties.putAll(overrides);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }

    /** Sends every record, waits until Kafka has them all, and returns where each one went, in order. */
    public List<SentBadRecord> send(Iterator<BadRecord> records) {
        List<Pending> pending = new ArrayList<>();
        while (records.hasNext()) {
            BadRecord record = records.next();
            String topic = record.source().topic(topicPrefix);
            // No key: nothing in a bad record is trustworthy enough to partition by.
            Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic, null, timestampMillis, null, record.value()));
            pending.add(new Pending(record.kind(), record.source(), record.primaryKey(), record.size(), sent));
        }
        producer.flush();
        List<SentBadRecord> result = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            RecordMetadata metadata = await(p.sent());
            result.add(new SentBadRecord(p.kind(), p.source(), p.primaryKey(), p.size(), metadata.topic(),
                    metadata.partition(), metadata.offset()));
        }
        return result;
    }

    private static RecordMetadata await(Future<RecordMetadata> sent) {
        try {
            return sent.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a bad record: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending bad records", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The value is not kept past the send: 5 MB records must not pile up until the end. */
    private record Pending(BadRecordKind kind, Source source, String primaryKey, int size, Future<RecordMetadata> sent) {}
}
