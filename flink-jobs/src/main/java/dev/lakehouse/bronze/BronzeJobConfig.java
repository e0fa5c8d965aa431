package dev.lakehouse.bronze;

import dev.lakehouse.iceberg.CatalogSettings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the bronze job needs, typed. Built from the job's program arguments ({@link dev.lakehouse.jobs.LakehouseJob}).
 *
 * @param kafkaProperties extra Kafka consumer properties (TLS, SASL), passed through
 * @param checkpointDirectory where checkpoints are kept (a URI); null keeps the cluster's setting
 * @param dedupTtl how long a primary key is remembered; zero = forever
 * @param maxOutOfOrderness the watermark bound
 * @param idleTimeout after this long without records a partition stops holding back the watermark
 * @param maxWatermarkDrift how far in event time a partition may read ahead of the slowest; zero = no limit
 * @param parallelism 0 = the cluster default
 */
public record BronzeJobConfig(
        String bootstrapServers,
        String topicPrefix,
        String consumerGroup,
        Map<String, String> kafkaProperties,
        CatalogSettings catalog,
        Duration checkpointInterval,
        String checkpointDirectory,
        Duration dedupTtl,
        Duration maxOutOfOrderness,
        Duration idleTimeout,
        Duration maxWatermarkDrift,
        int maxRecordBytes,
        int parallelism)
        implements Serializable {

    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_DEDUP_TTL = Duration.ofDays(7);
    public static final Duration DEFAULT_MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(5);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_WATERMARK_DRIFT = Duration.ofDays(1);

    public BronzeJobConfig {
        kafkaProperties = Map.copyOf(kafkaProperties);
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpoint interval must be positive: exactly-once commits happen on checkpoints");
        }
        if (maxWatermarkDrift.isNegative()) {
            throw new IllegalArgumentException("max watermark drift must not be negative: " + maxWatermarkDrift);
        }
    }
}
