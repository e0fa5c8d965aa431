package dev.lakehouse.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.stack.kafka.EmbeddedKafkaBroker;
import dev.lakehouse.stack.testing.SeedFolders;
import dev.lakehouse.stack.testing.TempDirs;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A Kafka that requires authentication (SASL/PLAIN), as a secured cluster does: the replay producer, the job jar and
 * the stack's own clients reach it only through the client properties file, and the sample lands row for row.
 */
class SecuredKafkaIT {
    private static final Pattern TABLE_COUNT = Pattern.compile("bronze\\.(\\w+)\\s+([\\d,]+) rows");
    private static final String USER = "lakehouse";
    private static final String PASSWORD = "lakehouse-secret";

    private Path dir;
    private EmbeddedKafkaBroker kafka;
    private Path clientProperties;

    @BeforeEach
    void startSecuredKafka() throws Exception {
        dir = Files.createTempDirectory("lakehouse-secured-kafka-it");
        kafka = EmbeddedKafkaBroker.builder(dir.resolve("kafka")).saslPlainUser(USER, PASSWORD).build().start();
        clientProperties = dir.resolve("client.properties");
        try (OutputStream out = Files.newOutputStream(clientProperties)) {
            EmbeddedKafkaBroker.saslPlainClientProperties(USER, PASSWORD).store(out, "SASL/PLAIN client of the test broker");
        }
    }

    @AfterEach
    void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
        TempDirs.deleteRecursively(dir);
    }

    @Test
    void withoutThePropertiesFileAClientIsRefused() {
        Properties anonymous = new Properties();
        anonymous.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        anonymous.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        anonymous.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000);

        assertThatThrownBy(() -> {
            try (Admin admin = Admin.create(anonymous)) {
                admin.listTopics().names().get();
            }
        }).as("a plaintext client on the SASL listener").isNotNull();
    }

    @Test
    void theReplayAndTheJobsAuthenticateWithThePropertiesFileAndTheSampleLands() {
        Map<String, Long> expected = new HashMap<>();
        SeedFolders.rowCounts(SeedFolders.sample()).forEach((source, rows) -> expected.put(source.sourceName(), rows));
        expected.put("rejected_records", 0L);

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit = new CommandLine(new DemoCommand(new PrintStream(captured, true, StandardCharsets.UTF_8))).execute(
                "--seeds", SeedFolders.sample().toString(),
                "--warehouse", dir.resolve("warehouse").toString(),
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--kafka-properties", clientProperties.toString(),
                "--exit-when-drained", "--checkpoint-interval", "2s", "--no-trino", "--no-maintenance",
                "--job-jar", System.getProperty("lakehouse.job.jar"),
                "--dashboard-port", "0", "--catalog-port", "0");
        String output = captured.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(output).isZero();
        assertThat(output).doesNotContain(PASSWORD);
        assertThat(tableCounts(output)).isEqualTo(expected);
    }

    private static Map<String, Long> tableCounts(String output) {
        Map<String, Long> counts = new HashMap<>();
        Matcher matcher = TABLE_COUNT.matcher(output);
        while (matcher.find()) {
            counts.put(matcher.group(1), Long.parseLong(matcher.group(2).replace(",", "")));
        }
        return counts;
    }
}
