package dev.lakehouse.stack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import dev.lakehouse.stack.kafka.EmbeddedKafkaBroker;
import dev.lakehouse.stack.kafka.KafkaTopicDefaults;
import dev.lakehouse.stack.kafka.KafkaTopics;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for tests: Testcontainers' {@code apache/kafka} image where a Docker engine runs,
 * otherwise an {@link EmbeddedKafkaBroker} in a temporary folder (as on machines without Docker).
 */
public final class KafkaTestBroker implements AutoCloseable {

    /** Override with -Dlakehouse.test.kafka.image=apache/kafka:<tag>. */
    private static final String IMAGE = System.getProperty("lakehouse.test.kafka.image", "apache/kafka:4.1.0");

    private final KafkaContainer container;
    private final EmbeddedKafkaBroker embedded;
    private final Path tempDir;

    private KafkaTestBroker(KafkaContainer container, EmbeddedKafkaBroker embedded, Path tempDir) {
        this.container = container;
        this.embedded = embedded;
        this.tempDir = tempDir;
    }

    /** Starts a broker: a container when Docker is available, the embedded broker otherwise. */
    public static KafkaTestBroker start() {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return new KafkaTestBroker(startContainer(), null, null);
        }
        Path dir = createTempDir();
        try {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dir.resolve("kafka")).build().start();
            return new KafkaTestBroker(null, broker, dir);
        } catch (RuntimeException e) {
            TempDirs.deleteRecursively(dir);
            throw e;
        }
    }

    @SuppressWarnings("resource")
    private static KafkaContainer startContainer() {
        KafkaContainer kafka = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_TRANSACTION_MAX_TIMEOUT_MS", "3600000")
                .withEnv("KAFKA_LOG_RETENTION_MS", "-1");
        kafka.start();
        return kafka;
    }

    /** True when this is the in-process broker (no Docker engine was found). */
    public boolean isEmbedded() {
        return embedded != null;
    }

    public String bootstrapServers() {
        return embedded != null ? embedded.bootstrapServers() : container.getBootstrapServers();
    }

    /** Idempotent: existing topics are kept as they are. */
    public void createTopics(Collection<String> names, int partitions, Map<String, String> topicConfigs) {
        if (embedded != null) {
            embedded.createTopics(names, partitions, topicConfigs);
        } else {
            KafkaTopics.createIfMissing(container.getBootstrapServers(), names, partitions, topicConfigs, Duration.ofSeconds(30));
        }
    }

    /** Creates topics that keep records forever ({@link KafkaTopicDefaults#KEEP_FOREVER}). */
    public void createTopics(Collection<String> names, int partitions) {
        createTopics(names, partitions, KafkaTopicDefaults.KEEP_FOREVER);
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
        }
        if (embedded != null) {
            embedded.close();
        }
        if (tempDir != null) {
            TempDirs.deleteRecursively(tempDir);
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("lakehouse-kafka-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temp dir for the embedded Kafka broker", e);
        }
    }
}
