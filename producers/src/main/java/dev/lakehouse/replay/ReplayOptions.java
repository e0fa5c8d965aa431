package dev.lakehouse.replay;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * What to replay and where to.
 *
 * @param seedsDir folder holding the four contract CSV files (missing ones are skipped)
 * @param topicPrefix prepended to every topic name, the dead-letter topic included
 * @param limit stop after this many rows published to the source topics
 * @param kafkaProperties extra Kafka producer properties (TLS, SASL, tuning); they override the defaults
 * @param diagnostics where warnings and rejected rows are reported (stderr by default)
 */
public record ReplayOptions(Path seedsDir, String bootstrapServers, String topicPrefix, ReplaySpeed speed,
                            OptionalLong limit, Properties kafkaProperties, ReplayProgressListener progressListener,
                            PrintStream diagnostics) {
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";

    public ReplayOptions {
        Objects.requireNonNull(seedsDir, "seedsDir");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(speed, "speed");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(progressListener, "progressListener");
        Objects.requireNonNull(diagnostics, "diagnostics");
        if (limit.isPresent() && limit.getAsLong() < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        Properties copy = new Properties();
        if (kafkaProperties != null) {
            copy.putAll(kafkaProperties);
        }
        kafkaProperties = copy;
    }

    @Override
    public Properties kafkaProperties() {
        Properties copy = new Properties();
        copy.putAll(kafkaProperties);
        return copy;
    }

    public static Builder builder(Path seedsDir) {
        return new Builder(seedsDir);
    }

    /** Defaults: 127.0.0.1:9092, no topic prefix, max speed, no limit, no extra properties, no listener, stderr. */
    public static final class Builder {
        private final Path seedsDir;
        private String bootstrapServers = DEFAULT_BOOTSTRAP_SERVERS;
        private String topicPrefix = "";
        private ReplaySpeed speed = ReplaySpeed.MAX;
        private OptionalLong limit = OptionalLong.empty();
        private Properties kafkaProperties = new Properties();
        private ReplayProgressListener progressListener = ReplayProgressListener.NONE;
        private PrintStream diagnostics = System.err;

        private Builder(Path seedsDir) {
            this.seedsDir = seedsDir;
        }

        public Builder bootstrapServers(String value) {
            this.bootstrapServers = value;
            return this;
        }

        public Builder topicPrefix(String value) {
            this.topicPrefix = value;
            return this;
        }

        public Builder speed(ReplaySpeed value) {
            this.speed = value;
            return this;
        }

        public Builder limit(long rows) {
            this.limit = OptionalLong.of(rows);
            return this;
        }

        public Builder kafkaProperties(Properties value) {
            this.kafkaProperties = value;
            return this;
        }

        public Builder progressListener(ReplayProgressListener value) {
            this.progressListener = value;
            return this;
        }

        public Builder diagnostics(PrintStream value) {
            this.diagnostics = value;
            return this;
        }

        public ReplayOptions build() {
            return new ReplayOptions(seedsDir, bootstrapServers, topicPrefix, speed, limit, kafkaProperties,
                    progressListener, diagnostics);
        }
    }
}
