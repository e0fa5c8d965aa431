package dev.lakehouse.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.contract.DeadLetterHeaders;
import dev.lakehouse.contract.RejectReason;
import dev.lakehouse.contract.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay without Kafka: merge, validation and dead-letter routing against an in-memory sender. */
class ReplayProducerTest {
    private static final String PAYMENT_HEADER = String.join(",", Source.PAYMENT_TRANSACTIONS.header());
    private static final String INVENTORY_HEADER = String.join(",", Source.INVENTORY_SNAPSHOTS.header());

    @TempDir
    Path seeds;

    private final ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();

    private static String payment(String id, String customer, String amount, String timestamp) {
        return id + ",ORD000000001," + customer + ",credit_card,completed," + amount + ",USD," + timestamp
                + ",00,0.30,MERCH0001,US,12.5";
    }

    private static String snapshot(String id, String product, String date) {
        return id + "," + product + ",WH001," + date + ",100,10,90,50,200,SUP0001,2023-12-01,9.99";
    }

    private static long millis(String timestamp) {
        return LocalDateTime.parse(timestamp.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private void write(Source source, String... lines) throws IOException {
        Files.writeString(seeds.resolve(source.fileName()), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private ReplaySummary replay(RecordSender sender, ReplayOptions.Builder options) {
        return ReplayProducer.run(options.diagnostics(new PrintStream(diagnostics, true, StandardCharsets.UTF_8)).build(), sender);
    }

    private ReplaySummary replay(RecordSender sender) {
        return replay(sender, ReplayOptions.builder(seeds).topicPrefix("t."));
    }

    @Test
    void sendsGoodRowsInEventTimeOrderWithKeyValueAndTimestamp() throws IOException {
        write(Source.PAYMENT_TRANSACTIONS, PAYMENT_HEADER,
                payment("TXN000000001", "CUST000001", "10.00", "2024-01-01 10:00:00"),
                payment("TXN000000002", "CUST000002", "20.00", "2024-01-03 00:00:01"));
        write(Source.INVENTORY_SNAPSHOTS, INVENTORY_HEADER,
                snapshot("SNAP000000001", "PROD00001", "2024-01-01"),
                snapshot("SNAP000000002", "PROD00002", "2024-01-02"));
        InMemorySender sender = new InMemorySender();

        ReplaySummary summary = replay(sender);

        assertThat(sender.sent).extracting(InMemorySender.Sent::topic).containsExactly(
                "t.inventory_snapshots", "t.payment_transactions", "t.inventory_snapshots", "t.payment_transactions");
        InMemorySender.Sent first = sender.sent.get(1);
        assertThat(first.key()).isEqualTo("CUST000001");
        assertThat(first.value()).isEqualTo(payment("TXN000000001", "CUST000001", "10.00", "2024-01-01 10:00:00"));
        assertThat(first.timestampMillis()).isEqualTo(millis("2024-01-01 10:00:00"));
        assertThat(sender.sent.get(0).key()).isEqualTo("PROD00001");
        assertThat(sender.sent.get(0).timestampMillis()).isEqualTo(millis("2024-01-01 00:00:00"));

        assertThat(summary.rowsPerTopic()).containsEntry("t.payment_transactions", 2L).containsEntry("t.inventory_snapshots", 2L);
        assertThat(summary.rejectedRows()).isZero();
        assertThat(summary.skippedFiles()).containsExactly("customer_events.csv", "support_tickets.csv");
        assertThat(summary.firstEventTime()).hasValueSatisfying(t -> assertThat(t.toEpochMilli()).isEqualTo(millis("2024-01-01 00:00:00")));
        assertThat(summary.lastEventTime()).hasValueSatisfying(t -> assertThat(t.toEpochMilli()).isEqualTo(millis("2024-01-03 00:00:01")));
        assertThat(diagnostics.toString(StandardCharsets.UTF_8)).contains("customer_events.csv not found");
        assertThat(sender.flushes).isPositive();
    }

    @Test
    void routesRowsThatBreakTheContractToTheDeadLetterTopic() throws IOException {
        String good = payment("TXN000000001", "CUST000001", "10.00", "2024-01-01 10:00:00");
        String tooFewColumns = "TXN000000002,ORD1,CUST000002";
        String badNumber = payment("TXN000000003", "CUST000003", "ten", "2024-01-01 11:00:00");
        String badTimestamp = payment("TXN000000004", "CUST000004", "10.00", "2024-13-01 11:00:00");
        String emptyPrimaryKey = payment("", "CUST000005", "10.00", "2024-01-01 12:00:00");
        String quoted = "TXN000000006,ORD000000006,\"CUST,000006\",credit_card,completed,10.00,USD,2024-01-01 13:00:00,00,0.30,MERCH0001,US,1";
        write(Source.PAYMENT_TRANSACTIONS, PAYMENT_HEADER, good, tooFewColumns, badNumber, badTimestamp, emptyPrimaryKey, quoted);
        InMemorySender sender = new InMemorySender();

        ReplaySummary summary = replay(sender);

        assertThat(sender.sent).extracting(InMemorySender.Sent::key).containsExactly("CUST000001", "CUST,000006");
        assertThat(sender.sent.get(1).value()).isEqualTo(quoted);
        assertThat(summary.rejectedRows()).isEqualTo(4);
        assertThat(sender.deadLetters).allSatisfy(letter -> {
            assertThat(letter.topic()).isEqualTo("t." + DeadLetterHeaders.TOPIC_NAME);
            assertThat(letter.deadLetter().sourceName()).isEqualTo("payment_transactions");
            assertThat(letter.deadLetter().fileName()).isEqualTo("payment_transactions.csv");
        });
        assertThat(sender.deadLetters).extracting(l -> l.deadLetter().reason(), l -> l.deadLetter().line(), InMemorySender.SentDeadLetter::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RejectReason.WRONG_COLUMN_COUNT, 3L, tooFewColumns),
                        org.assertj.core.groups.Tuple.tuple(RejectReason.BAD_NUMBER, 4L, badNumber),
                        org.assertj.core.groups.Tuple.tuple(RejectReason.BAD_TIMESTAMP, 5L, badTimestamp),
                        org.assertj.core.groups.Tuple.tuple(RejectReason.MISSING_PRIMARY_KEY, 6L, emptyPrimaryKey));
        assertThat(diagnostics.toString(StandardCharsets.UTF_8))
                .contains("payment_transactions.csv:3: wrong_column_count expected 13 columns, got 3")
                .contains("payment_transactions.csv:4: bad_number amount (decimal) = 'ten'")
                .contains("payment_transactions.csv:6: missing_primary_key transaction_id is empty");
    }

    @Test
    void rejectsInvalidUtf8BytesAsInvalidUtf8() throws IOException {
        byte[] header = (INVENTORY_HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = snapshot("SNAP000000001", "PROD0000\u00ff", "2024-01-01").getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = ("\n" + snapshot("SNAP000000002", "PROD00002", "2024-01-01") + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = seeds.resolve(Source.INVENTORY_SNAPSHOTS.fileName());
        Files.write(file, header);
        Files.write(file, bad, java.nio.file.StandardOpenOption.APPEND);
        Files.write(file, good, java.nio.file.StandardOpenOption.APPEND);
        InMemorySender sender = new InMemorySender();

        ReplaySummary summary = replay(sender);

        assertThat(sender.sent).extracting(InMemorySender.Sent::key).containsExactly("PROD00002");
        assertThat(summary.rejectedRows()).isEqualTo(1);
        DeadLetter letter = sender.deadLetters.get(0).deadLetter();
        assertThat(letter.reason()).isEqualTo(RejectReason.INVALID_UTF8);
        assertThat(letter.line()).isEqualTo(2);
        assertThat(letter.sourceName()).isEqualTo("inventory_snapshots");
    }

    @Test
    void deadLetterRecordsCarryTheContractHeaders() {
        DeadLetter letter = new DeadLetter("support_tickets", RejectReason.BAD_DATE, "detail text", "support_tickets.csv", 17,
                "a,b".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<byte[], byte[]> record = KafkaRecordSender.deadLetterRecord("x.dead_letters", letter);
        assertThat(record.topic()).isEqualTo("x.dead_letters");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("support_tickets");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("a,b");
        List<String> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers).containsExactly(
                DeadLetterHeaders.SOURCE + "=support_tickets", DeadLetterHeaders.REASON + "=bad_date",
                DeadLetterHeaders.DETAIL + "=detail text", DeadLetterHeaders.FILE + "=support_tickets.csv",
                DeadLetterHeaders.LINE + "=17");
    }

    @Test
    void producerDefaultsAreThroughputMindedAndOverridable() {
        java.util.Properties overrides = new java.util.Properties();
        overrides.put("linger.ms", "50");
        overrides.put("security.protocol", "SSL");
        java.util.Properties properties = KafkaRecordSender.producerProperties("h:1", overrides);
        assertThat(properties).containsEntry("bootstrap.servers", "h:1").containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true").containsEntry("compression.type", "lz4")
                .containsEntry("batch.size", "262144").containsEntry("linger.ms", "50")
                .containsEntry("security.protocol", "SSL");
    }

    @Test
    void aPacedReplayBatchesATenthOfASecondOfRows() {
        assertThat(KafkaRecordSender.producerProperties("h:1", new java.util.Properties())).containsEntry("linger.ms", "100");
    }

    @Test
    void aHeaderWithUnusableNamesIsAClearError() throws IOException {
        write(Source.PAYMENT_TRANSACTIONS, PAYMENT_HEADER + ",Risk Note", payment("TXN1", "CUST000001", "1.00", "2024-01-01 00:00:00") + ",x");
        assertThatThrownBy(() -> replay(new InMemorySender()))
                .isInstanceOf(SeedFileException.class)
                .hasMessageContaining("payment_transactions.csv")
                .hasMessageContaining("'Risk Note' is not a lower-case name")
                .hasMessageContaining("expected: " + PAYMENT_HEADER)
                .hasMessageContaining("found:    " + PAYMENT_HEADER + ",Risk Note");
    }

    @Test
    void aFileWithTheContractsHeaderSendsNoColumnNames() throws IOException {
        write(Source.PAYMENT_TRANSACTIONS, PAYMENT_HEADER, payment("TXN1", "CUST000001", "1.00", "2024-01-01 00:00:00"));
        InMemorySender sender = new InMemorySender();

        replay(sender);

        assertThat(sender.sent).singleElement().satisfies(sent -> assertThat(sent.columns()).isNull());
    }

    @Test
    void aFileWithAnAddedColumnSendsItsRowsWithTheirColumnNames() throws IOException {
        write(Source.PAYMENT_TRANSACTIONS, PAYMENT_HEADER + ",coupon_code",
                payment("TXN1", "CUST000001", "1.00", "2024-01-01 00:00:00") + ",SAVE10");
        InMemorySender sender = new InMemorySender();

        ReplaySummary summary = replay(sender);

        assertThat(summary.rejectedRows()).isZero();
        assertThat(sender.sent).singleElement().satisfies(sent -> {
            assertThat(sent.columns()).isEqualTo(PAYMENT_HEADER + ",coupon_code");
            assertThat(sent.value()).endsWith(",SAVE10");
            assertThat(sent.key()).isEqualTo("CUST000001");
            assertThat(sent.timestampMillis()).isEqualTo(millis("2024-01-01 00:00:00"));
        });
        assertThat(diagnostics.toString(StandardCharsets.UTF_8)).contains("extra columns [coupon_code]");
    }

    @Test
    void aFileMissingARequiredColumnDeadLettersEveryRowAsMissingColumn() throws IOException {
        String header = PAYMENT_HEADER.replace("customer_id,", "");
        write(Source.PAYMENT_TRANSACTIONS, header,
                payment("TXN1", "CUST000001", "1.00", "2024-01-01 00:00:00").replace("CUST000001,", ""),
                payment("TXN2", "CUST000001", "1.00", "2024-01-01 00:00:01").replace("CUST000001,", ""));
        InMemorySender sender = new InMemorySender();

        ReplaySummary summary = replay(sender);

        assertThat(sender.sent).isEmpty();
        assertThat(summary.rejectedRows()).isEqualTo(2);
        assertThat(sender.deadLetters).hasSize(2).allSatisfy(letter -> {
            assertThat(letter.deadLetter().reason()).isEqualTo(RejectReason.MISSING_COLUMN);
            assertThat(letter.deadLetter().detail()).contains("customer_id");
        });
    }

    @Test
    void aMissingOrEmptySeedsFolderIsAClearError() {
        assertThatThrownBy(() -> replay(new InMemorySender())).isInstanceOf(SeedFileException.class)
                .hasMessageContaining("no seed files in " + seeds);
        assertThatThrownBy(() -> ReplayProducer.run(ReplayOptions.builder(seeds.resolve("nowhere")).build(), new InMemorySender()))
                .isInstanceOf(SeedFileException.class).hasMessageContaining("does not exist");
    }

    @Test
    void anUnsortedFileIsSortedInMemoryWithAWarning() throws IOException {
        write(Source.INVENTORY_SNAPSHOTS, INVENTORY_HEADER,
                snapshot("SNAP000000001", "PROD00001", "2024-01-05"),
                snapshot("SNAP000000002", "PROD00002", "2024-01-03"),
                snapshot("SNAP000000003", "PROD00003", "2024-01-04"),
                snapshot("SNAP000000004", "PROD00004", "2024-01-03"));
        InMemorySender sender = new InMemorySender();

        replay(sender);

        assertThat(sender.sent).extracting(InMemorySender.Sent::key)
                .containsExactly("PROD00001", "PROD00002", "PROD00004", "PROD00003");
        assertThat(diagnostics.toString(StandardCharsets.UTF_8)).contains("inventory_snapshots.csv is not sorted by event time");
    }

    @Test
    void stopsAtTheLimit() throws IOException {
        write(Source.INVENTORY_SNAPSHOTS, INVENTORY_HEADER,
                snapshot("SNAP000000001", "PROD00001", "2024-01-01"),
                snapshot("SNAP000000002", "PROD00002", "2024-01-02"),
                snapshot("SNAP000000003", "PROD00003", "2024-01-03"));
        InMemorySender sender = new InMemorySender();
        ReplaySummary summary = replay(sender, ReplayOptions.builder(seeds).limit(2));
        assertThat(sender.sent).extracting(InMemorySender.Sent::topic).containsExactly("inventory_snapshots", "inventory_snapshots");
        assertThat(summary.rowsSent()).isEqualTo(2);
    }

    @Test
    void aFailedSendFailsTheReplayAfterFlushing() throws IOException {
        List<String> lines = new ArrayList<>(List.of(INVENTORY_HEADER));
        for (int i = 1; i <= 1000; i++) {
            lines.add(snapshot("SNAP" + i, "PROD00001", "2024-01-01"));
        }
        write(Source.INVENTORY_SNAPSHOTS, lines.toArray(String[]::new));
        InMemorySender sender = new InMemorySender(10);
        assertThatThrownBy(() -> replay(sender))
                .isInstanceOf(ReplayFailedException.class)
                .hasMessageContaining("sending to Kafka at 127.0.0.1:9092 failed")
                .hasMessageContaining("broker gone");
        assertThat(sender.flushes).isPositive();
        assertThat(sender.sent).hasSize(10);
    }

    @Test
    void reportsProgress() throws IOException {
        write(Source.INVENTORY_SNAPSHOTS, INVENTORY_HEADER, snapshot("SNAP000000001", "PROD00001", "2024-01-01"));
        List<ReplayProgress> reports = new ArrayList<>();
        replay(new InMemorySender(), ReplayOptions.builder(seeds).progressListener(reports::add));
        assertThat(reports).last().satisfies(last -> {
            assertThat(last.rowsSent()).isEqualTo(1);
            assertThat(last.estimatedTotalRows()).isEqualTo(1);
            assertThat(last.eventTimeMillis()).isEqualTo(millis("2024-01-01 00:00:00"));
        });
    }
}
