package dev.lakehouse.stack;

import dev.lakehouse.stack.trino.TrinoSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Ports, folders and job settings of the local stack. Port 0 picks a free loopback port (tests); the
 * defaults are the well-known ports a user expects.
 *
 * @param warehouse tables, catalog database and the stack's own state (Kafka logs, checkpoints) live here
 * @param externalKafka bootstrap servers of a Kafka to use instead of starting the embedded broker; null = embedded
 * @param trino whether to run Trino on the tables, and where
 * @param objectStore where the tables live when not in the warehouse folder (S3-compatible storage)
 * @param kafkaProperties a file of Kafka client settings (TLS, SASL) for every client of the stack and the jobs
 */
public record StackSettings(
        Path warehouse,
        int kafkaPort,
        int kafkaControllerPort,
        int catalogPort,
        int flinkPort,
        int flinkSlots,
        int topicPartitions,
        String topicPrefix,
        Duration checkpointInterval,
        String externalKafka,
        TrinoSettings trino,
        Optional<ObjectStore> objectStore,
        Optional<Path> kafkaProperties) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_CATALOG_PORT = 8181;
    public static final int DEFAULT_FLINK_PORT = 8081;

    public static StackSettings defaults(Path warehouse) {
        return new StackSettings(warehouse.toAbsolutePath().normalize(), DEFAULT_KAFKA_PORT, DEFAULT_KAFKA_CONTROLLER_PORT,
                DEFAULT_CATALOG_PORT, DEFAULT_FLINK_PORT, 4, 2, "", Duration.ofSeconds(10), null,
                TrinoSettings.enabledOn(TrinoSettings.DEFAULT_PORT), Optional.empty(), Optional.empty());
    }

    /** Free ports everywhere and no Trino: for tests that must not collide with a running stack. */
    public static StackSettings ephemeral(Path warehouse, Duration checkpointInterval) {
        return new StackSettings(warehouse.toAbsolutePath().normalize(), 0, 0, 0, 0, 4, 2, "", checkpointInterval, null,
                TrinoSettings.disabled(), Optional.empty(), Optional.empty());
    }

    public StackSettings withExternalKafka(String bootstrapServers) {
        return new StackSettings(warehouse, kafkaPort, kafkaControllerPort, catalogPort, flinkPort, flinkSlots, topicPartitions,
                topicPrefix, checkpointInterval, bootstrapServers, trino, objectStore, kafkaProperties);
    }

    public StackSettings withTrino(TrinoSettings trinoSettings) {
        return new StackSettings(warehouse, kafkaPort, kafkaControllerPort, catalogPort, flinkPort, flinkSlots, topicPartitions,
                topicPrefix, checkpointInterval, externalKafka, trinoSettings, objectStore, kafkaProperties);
    }

    public StackSettings withObjectStore(ObjectStore store) {
        return new StackSettings(warehouse, kafkaPort, kafkaControllerPort, catalogPort, flinkPort, flinkSlots, topicPartitions,
                topicPrefix, checkpointInterval, externalKafka, trino, Optional.of(store), kafkaProperties);
    }

    /** Connect to Kafka with these client settings (TLS, SASL): the stack's own clients and the jobs alike. */
    public StackSettings withKafkaProperties(Path file) {
        return new StackSettings(warehouse, kafkaPort, kafkaControllerPort, catalogPort, flinkPort, flinkSlots, topicPartitions,
                topicPrefix, checkpointInterval, externalKafka, trino, objectStore, Optional.of(file.toAbsolutePath().normalize()));
    }

    /** Kafka logs, Flink checkpoints and uploads: kept beside the tables so a restart finds them. */
    public Path stateDir() {
        return stateDirOf(warehouse);
    }

    public static Path stateDirOf(Path warehouse) {
        return warehouse.toAbsolutePath().normalize().resolve("_stack");
    }
}
