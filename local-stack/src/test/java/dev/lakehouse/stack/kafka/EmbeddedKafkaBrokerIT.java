package dev.lakehouse.stack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.lakehouse.stack.testing.KafkaTestBroker;
import dev.lakehouse.stack.testing.LoopbackAssertions;
import dev.lakehouse.stack.testing.Poll;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** Seed data is from 2024: records must keep these timestamps and must not be expired by retention. */
    private static final long MARCH_2024 = Instant.parse("2024-03-01T10:00:00Z").toEpochMilli();
    private static final String CLICKS = "clicks";
    private static final String ORDERS = "orders";
    private static final String GROUP = "it-group";

    @TempDir
    Path tempDir;

    @Test
    void recordsOffsetsAndTransactionsSurviveARestartOnTheSameLogDir() throws Exception {
        Path logDir = tempDir.resolve("kafka");
        String clusterId;
        try (EmbeddedKafkaBroker broker = timedStart("cold", EmbeddedKafkaBroker.builder(logDir).build())) {
            clusterId = broker.clusterId();
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            LoopbackAssertions.assertLoopbackOnly(broker.brokerPort());
            LoopbackAssertions.assertLoopbackOnly(broker.controllerPort());

            broker.createTopics(List.of(CLICKS, ORDERS), 2, KafkaTopicDefaults.KEEP_FOREVER);
            broker.createTopics(List.of(CLICKS, ORDERS), 2, KafkaTopicDefaults.KEEP_FOREVER); // idempotent
            assertThat(topicConfig(broker.bootstrapServers(), CLICKS, "retention.ms")).isEqualTo("-1");

            produceIdempotent(broker.bootstrapServers(), CLICKS, 0, 10);
            produceTransactional(broker.bootstrapServers(), ORDERS, "it-tx", 5);

            List<ConsumerRecord<String, String>> clicks = consumeCommitted(broker.bootstrapServers(), GROUP, CLICKS, 10);
            assertThat(clicks).extracting(ConsumerRecord::timestamp)
                    .containsExactlyInAnyOrderElementsOf(timestamps(0, 10));
            assertThat(consumeCommitted(broker.bootstrapServers(), "orders-reader", ORDERS, 5)).hasSize(5);
        }

        try (EmbeddedKafkaBroker broker = timedStart("restart", EmbeddedKafkaBroker.builder(logDir).build())) {
            assertThat(broker.clusterId()).isEqualTo(clusterId);
            assertThat(committedOffsetSum(broker.bootstrapServers(), GROUP)).isEqualTo(10);

            // Everything is still on disk: a fresh group reads all records again.
            assertThat(consumeCommitted(broker.bootstrapServers(), "fresh-group", CLICKS, 10)).hasSize(10);
            assertThat(consumeCommitted(broker.bootstrapServers(), "fresh-orders", ORDERS, 5)).hasSize(5);

            // The old group resumes from its committed offsets: it sees only the new record.
            produceIdempotent(broker.bootstrapServers(), CLICKS, 10, 1);
            List<ConsumerRecord<String, String>> resumed = consumeCommitted(broker.bootstrapServers(), GROUP, CLICKS, 1);
            assertThat(resumed).extracting(ConsumerRecord::value).containsExactly("click-10");

            // The same transactional id fences its previous incarnation and commits again.
            produceTransactional(broker.bootstrapServers(), ORDERS, "it-tx", 2);
            assertThat(consumeCommitted(broker.bootstrapServers(), "orders-reader", ORDERS, 2)).hasSize(2);
        }
    }

    @Test
    void keepForeverTopicsKeepOldRecordsWhileDefaultRetentionDeletesThem() throws Exception {
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder(tempDir.resolve("retention"))
                // Run the retention check right away and often, so the trap shows within seconds.
                .brokerConfig("log.initial.task.delay.ms", "0")
                .brokerConfig("log.retention.check.interval.ms", "200");
        try (EmbeddedKafkaBroker broker = builder.build().start()) {
            broker.createTopics(List.of("kept"), 1, KafkaTopicDefaults.KEEP_FOREVER);
            broker.createTopics(List.of("week"), 1, Map.of("retention.ms", String.valueOf(Duration.ofDays(7).toMillis())));
            produceIdempotent(broker.bootstrapServers(), "kept", 0, 10);
            produceIdempotent(broker.bootstrapServers(), "week", 0, 10);

            try (Admin admin = admin(broker.bootstrapServers())) {
                Poll.until(DEADLINE, "7-day retention deletes 2024 records", () -> earliestOffset(admin, "week") == 10);
                assertThat(earliestOffset(admin, "kept")).isZero();
            }
        }
    }

    /**
     * A replay packs months of event time into minutes, and the broker rolls a segment once its records span
     * {@code segment.ms} of record time (7 days by default): 10 records a week apart made 10 segments.
     */
    @Test
    void keepForeverTopicsDoNotRollSegmentsByRecordTime() throws Exception {
        Path logDir = tempDir.resolve("segments");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(logDir).build().start()) {
            broker.createTopics(List.of("kept"), 1, KafkaTopicDefaults.KEEP_FOREVER);
            broker.createTopics(List.of("rolled"), 1, Map.of("retention.ms", "-1"));
            produceWeekly(broker.bootstrapServers(), "kept", 10);
            produceWeekly(broker.bootstrapServers(), "rolled", 10);

            assertThat(segments(logDir.resolve("rolled-0"))).as("segments with the default segment.ms").isGreaterThan(5);
            assertThat(segments(logDir.resolve("kept-0"))).isEqualTo(1);
        }
    }

    private static void produceWeekly(String bootstrap, String topic, int count) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrap))) {
            for (int i = 0; i < count; i++) {
                long timestamp = MARCH_2024 + i * Duration.ofDays(8).toMillis();
                producer.send(new ProducerRecord<>(topic, null, timestamp, "key-" + i, "week-" + i)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static long segments(Path partitionDir) throws IOException {
        try (Stream<Path> files = Files.list(partitionDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".log")).count();
        }
    }

    @Test
    void testBrokerFallsBackToTheEmbeddedBrokerWithoutDocker() throws Exception {
        try (KafkaTestBroker broker = KafkaTestBroker.start()) {
            broker.createTopics(List.of("probe"), 1);
            produceIdempotent(broker.bootstrapServers(), "probe", 0, 3);
            assertThat(consumeCommitted(broker.bootstrapServers(), "probe-group", "probe", 3)).hasSize(3);
        }
    }

    private static EmbeddedKafkaBroker timedStart(String label, EmbeddedKafkaBroker broker) {
        long started = System.nanoTime();
        broker.start();
        System.out.printf("EmbeddedKafkaBroker %s start: %d ms%n", label,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return broker;
    }

    private static List<Long> timestamps(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> MARCH_2024 + i * 1_000L).toList();
    }

    private static void produceIdempotent(String bootstrap, String topic, int from, int count) throws Exception {
        Properties props = producerProps(bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = from; i < from + count; i++) {
                producer.send(new ProducerRecord<>(topic, null, MARCH_2024 + i * 1_000L, "key-" + i, "click-" + i))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void produceTransactional(String bootstrap, String topic, String transactionalId, int count) {
        Properties props = producerProps(bootstrap);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, null, MARCH_2024, "order-" + i, "order-" + i));
            }
            producer.commitTransaction();
        }
    }

    private static Properties producerProps(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return props;
    }

    /** Reads exactly {@code expected} committed records with the given group and commits its offsets. */
    private static List<ConsumerRecord<String, String>> consumeCommitted(String bootstrap, String group, String topic,
                                                                         int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Poll.until(DEADLINE, expected + " records from " + topic + " for group " + group, () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            consumer.commitSync();
            // One more poll: nothing beyond what we expect may arrive (e.g. aborted or duplicate records).
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        assertThat(records).hasSize(expected);
        return records;
    }

    private static long committedOffsetSum(String bootstrap, String group) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    private static String topicConfig(String bootstrap, String topic, String key) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
                    .get(resource).get(key).value();
        }
    }

    private static long earliestOffset(Admin admin, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).partitionResult(partition)
                    .get(30, TimeUnit.SECONDS).offset();
        } catch (Exception e) {
            throw new IllegalStateException("listOffsets failed for " + topic, e);
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "it-admin-" + UUID.randomUUID()));
    }
}
