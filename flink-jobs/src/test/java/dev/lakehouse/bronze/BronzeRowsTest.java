package dev.lakehouse.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.contract.ParseResult;
import dev.lakehouse.contract.RowParser;
import dev.lakehouse.contract.Source;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.junit.jupiter.api.Test;

class BronzeRowsTest {
    static final String SNAPSHOT = "SNAP000000001,PROD00012,WH003,2024-03-05,120,20,100,50,300,SUP0001,,19.99";

    @Test
    void acceptedRowHasContractColumnsThenLineage() {
        KafkaRecord record = new KafkaRecord("lh.inventory_snapshots", 3, 42L, 0L, SNAPSHOT.getBytes(StandardCharsets.UTF_8));
        ParseResult.Accepted parsed = (ParseResult.Accepted) new RowParser().parseRecord(Source.INVENTORY_SNAPSHOTS, record.value);

        RowData row = BronzeRows.accepted(parsed.row(), record, 1_000L);

        assertThat(row.getArity()).isEqualTo(BronzeTables.schema(Source.INVENTORY_SNAPSHOTS).columns().size() + 1);
        assertThat(BronzeRows.hasExtraColumns(Source.INVENTORY_SNAPSHOTS, row)).isFalse();
        assertThat(row.getString(0).toString()).isEqualTo("SNAP000000001");
        assertThat(row.getInt(3)).isEqualTo((int) LocalDate.of(2024, 3, 5).toEpochDay());
        assertThat(row.isNullAt(10)).isTrue();
        assertThat(row.getDecimal(11, 10, 2)).isEqualTo(DecimalData.fromBigDecimal(new java.math.BigDecimal("19.99"), 10, 2));
        assertThat(row.getTimestamp(12, 6)).isEqualTo(TimestampData.fromEpochMillis(1_000L));
        assertThat(row.getString(13).toString()).isEqualTo("inventory_snapshots");
        assertThat(row.getString(14).toString()).isEqualTo("lh.inventory_snapshots");
        assertThat(row.getInt(15)).isEqualTo(3);
        assertThat(row.getLong(16)).isEqualTo(42L);
    }

    @Test
    void aBronzeRowReadsBackAsTheTypedRowItWasBuiltFrom() {
        String payment = "TXN000000007,ORD000000003,CUST000042,credit_card,completed,120.50,USD,2024-03-05 10:11:12,00,3.62,MERCH0001,US,81.5";
        String event = "EVT000000001,CUST000001,SESS00000001,product_view,2024-01-01 07:46:03,https://x/p,PROD00001,CAT001,google,mobile,\"UA, with comma\",1.2.3.4";
        String ticket = "TKT00000001,CUST000001,,shipping_delay,high,open,2024-02-01 10:00:00,,,,,Where is it,email";
        for (var input : java.util.Map.of(Source.PAYMENT_TRANSACTIONS, payment, Source.INVENTORY_SNAPSHOTS, SNAPSHOT,
                Source.CUSTOMER_EVENTS, event, Source.SUPPORT_TICKETS, ticket).entrySet()) {
            KafkaRecord record = new KafkaRecord(input.getKey().sourceName(), 0, 1L, 0L, input.getValue().getBytes(StandardCharsets.UTF_8));
            ParseResult.Accepted parsed = (ParseResult.Accepted) new RowParser().parseRecord(input.getKey(), record.value);

            RowData row = BronzeRows.accepted(parsed.row(), record, 1_000L);

            assertThat(BronzeRows.toTypedRow(input.getKey(), row)).isEqualTo(parsed.row());
        }
    }

    @Test
    void deadLetterKeepsPayloadReasonAndOrigin() {
        KafkaRecord record = new KafkaRecord("lh.dead_letters", 0, 7L, 5L, "a,b".getBytes(StandardCharsets.UTF_8));
        record.deadLetterSource = "customer_events";
        record.deadLetterReason = "wrong_column_count";
        record.deadLetterDetail = "expected 12 columns, got 2";
        record.deadLetterFile = "customer_events.csv";
        record.deadLetterLine = 17L;

        RowData row = BronzeRows.deadLetter(record, 9L, 1024);

        assertThat(row.getArity()).isEqualTo(BronzeTables.rejectedRecordsSchema().columns().size());
        assertThat(row.getString(0).toString()).isEqualTo("customer_events");
        assertThat(row.getString(1).toString()).isEqualTo("wrong_column_count");
        assertThat(row.getString(3).toString()).isEqualTo("a,b");
        assertThat(row.getString(5).toString()).isEqualTo("producer");
        assertThat(row.getLong(7)).isEqualTo(17L);
        assertThat(row.getLong(10)).isEqualTo(7L);
    }

    @Test
    void aHugeRejectedValueKeepsItsFirstBytesAndItsOriginalSize() {
        byte[] huge = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        KafkaRecord record = new KafkaRecord("customer_events", 1, 42L, 5L, huge);

        RowData row = BronzeRows.rejected(dev.lakehouse.contract.Source.CUSTOMER_EVENTS,
                new dev.lakehouse.contract.ParseResult.Rejected(dev.lakehouse.contract.RejectReason.OVERSIZED, "too big"),
                record, 9L, 65_536);

        assertThat(row.getString(3).toString()).hasSize(65_536);
        assertThat(row.getInt(4)).isEqualTo(5 * 1024 * 1024);
        assertThat(row.getString(8).toString()).isEqualTo("customer_events");
        assertThat(row.getInt(9)).isEqualTo(1);
        assertThat(row.getLong(10)).isEqualTo(42L);
    }
}
