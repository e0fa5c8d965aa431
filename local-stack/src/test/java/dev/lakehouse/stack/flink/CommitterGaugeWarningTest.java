package dev.lakehouse.stack.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationFactory;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.ParameterizedMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink 2.0's sink committers re-register their pendingCommittables gauge on every checkpoint, and Flink warns of
 * the collision each time (FLINK-35321). Both log configurations the stack writes drop that one warning and keep
 * every other collision and every other Flink warning.
 */
class CommitterGaugeWarningTest {
    private static final String METRIC_GROUP = "org.apache.flink.metrics.MetricGroup";
    // The exact form Flink's AbstractMetricGroup logs
    private static final String COLLISION = "Name collision: Group already contains a Metric with the name '{}'. Metric will not be reported.{}";

    @TempDir
    Path logDir;
    private String previousLogFile;
    private Configuration config;

    /** Both configurations write to the file in log.file: a temporary one here. */
    @BeforeEach
    void logToATemporaryFile() {
        previousLogFile = System.setProperty("log.file", logDir.resolve("test.log").toString());
    }

    @AfterEach
    void stopTheConfigurationAndRestoreLogFile() {
        if (config != null) {
            config.stop();
        }
        if (previousLogFile == null) {
            System.clearProperty("log.file");
        } else {
            System.setProperty("log.file", previousLogFile);
        }
    }

    @Test
    void theInProcessStackDropsOnlyTheCommitterGaugeCollision() throws IOException {
        URL xml = getClass().getClassLoader().getResource("log4j2.xml");
        assertThat(xml).as("the stack's log4j2.xml on the classpath").isNotNull();
        config = new XmlConfiguration(null, ConfigurationSource.fromUri(java.net.URI.create(xml.toString())));
        config.initialize();

        assertDropsOnlyTheCommitterGaugeCollision(config);
    }

    @Test
    void theSessionClusterProcessesDropOnlyTheCommitterGaugeCollision() throws IOException {
        ConfigurationSource source = new ConfigurationSource(
                new ByteArrayInputStream(FlinkSessionCluster.LOG4J_CONFIG.getBytes(StandardCharsets.UTF_8)));
        config = new PropertiesConfigurationFactory().getConfiguration(null, source);
        config.initialize();

        assertDropsOnlyTheCommitterGaugeCollision(config);
    }

    private static void assertDropsOnlyTheCommitterGaugeCollision(Configuration config) {
        LoggerConfig logger = config.getLoggerConfig(METRIC_GROUP);
        assertThat(logger.getName()).isEqualTo(METRIC_GROUP);
        assertThat(logger.isFiltered(warning(COLLISION, "pendingCommittables", "[, taskmanager, tm-1, lakehouse, Sink: Committer, 0]")))
                .as("the committer's own gauge").isTrue();
        assertThat(logger.isFiltered(warning(COLLISION, "numRecordsIn", "[, taskmanager, tm-1, lakehouse, Map, 0]")))
                .as("any other collision").isFalse();
        assertThat(logger.isFiltered(warning("Could not register metric {}{}", "pendingCommittables", "")))
                .as("any other warning").isFalse();
        assertThat(logger.getLevel().isLessSpecificThan(Level.WARN)).as("warnings are logged").isTrue();
    }

    private static LogEvent warning(String pattern, String name, String scope) {
        return Log4jLogEvent.newBuilder()
                .setLoggerName(METRIC_GROUP)
                .setLevel(Level.WARN)
                .setMessage(new ParameterizedMessage(pattern, name, scope))
                .build();
    }
}
