package dev.lakehouse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.bronze.BronzeTables;
import dev.lakehouse.contract.DeadLetterHeaders;
import dev.lakehouse.contract.Source;
import dev.lakehouse.stack.testing.TempDirs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a user does in the dashboard: upload the job jar with {@code POST /jars/upload}, run it with
 * {@code POST /jars/:id/run}; the job is RUNNING and commits bronze rows.
 */
class BronzeSubmissionIT {
    private static Path warehouse;
    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        warehouse = Files.createTempDirectory("lakehouse-submission-it");
        stack = LocalStack.start(StackSettings.ephemeral(warehouse, Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
        TempDirs.deleteRecursively(warehouse);
    }

    @Test
    void jarUploadedThroughRestRunsAndCommitsBronzeRows() throws Exception {
        Path jobJar = Path.of(System.getProperty("lakehouse.job.jar"));
        assertThat(jobJar).as("the job jar is built by the flink-jobs module").exists();
        assertThat(stack.flinkRest().dashboardHtml()).contains("<html");

        LocalStack.RunningJob job = stack.submitJob(jobJar);

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            send(producer, Source.CUSTOMER_EVENTS.topic(""), "CUST000001",
                    "EVT000000001,CUST000001,SESS00000001,page_view,2024-01-01 00:00:01,/,,,google,mobile,ua,1.2.3.4");
            send(producer, Source.CUSTOMER_EVENTS.topic(""), "CUST000001",
                    "EVT000000002,CUST000001,SESS00000001,page_view,2024-01-01 00:00:09,/,,,google,mobile,ua,1.2.3.4");
            send(producer, Source.PAYMENT_TRANSACTIONS.topic(""), "CUST000001",
                    "TXN000000001,ORD000000001,CUST000001,credit_card,completed,10.00,USD,2024-01-01 00:01:00,00,0.30,MERCH0001,US,1.0");
            send(producer, Source.PAYMENT_TRANSACTIONS.topic(""), "CUST000001", "TXN000000002,not,enough,columns");
            ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(DeadLetterHeaders.topic(""), "support_tickets",
                    "TKT1,broken".getBytes(StandardCharsets.UTF_8));
            deadLetter.headers().add(DeadLetterHeaders.REASON, "wrong_column_count".getBytes(StandardCharsets.UTF_8));
            deadLetter.headers().add(DeadLetterHeaders.SOURCE, "support_tickets".getBytes(StandardCharsets.UTF_8));
            producer.send(deadLetter).get();
        }

        Map<TableIdentifier, Long> counts = stack.awaitDrained(job.jobId(), Duration.ofMinutes(3), progress -> {});

        assertThat(stack.flinkRest().jobState(job.jobId())).isEqualTo("RUNNING");
        assertThat(counts).containsEntry(BronzeTables.identifier(Source.CUSTOMER_EVENTS), 2L)
                .containsEntry(BronzeTables.identifier(Source.PAYMENT_TRANSACTIONS), 1L)
                .containsEntry(BronzeTables.identifier(Source.INVENTORY_SNAPSHOTS), 0L)
                .containsEntry(BronzeTables.rejectedRecords(), 2L);
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8))).get();
    }
}
