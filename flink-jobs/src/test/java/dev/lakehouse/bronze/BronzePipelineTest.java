package dev.lakehouse.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.contract.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bronze pipeline on Flink's MiniCluster, over bounded input instead of Kafka. */
class BronzePipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String PREFIX = "t.";
    private static final String EVENT = "EVT000000001,CUST000042,SESS00000007,page_view,2024-03-05 14:07:09,/,,,google,mobile,ua,1.2.3.4";
    private static final String PAYMENT = "TXN000000001,ORD000000001,CUST000042,credit_card,completed,123.45,USD,2024-03-05 14:09:00,00,3.70,MERCH0001,US,12.5";
    private static final String TICKET = "TKT00000001,CUST000042,,shipping_delay,high,open,2024-03-05 15:00:00,,,,,subject,email";

    @Test
    void typesGoodRowsDropsRepeatsAndKeepsEveryBadRecord() throws Exception {
        List<KafkaRecord> input = new ArrayList<>();
        input.add(record("customer_events", 0, EVENT));
        input.add(record("customer_events", 1, EVENT)); // the same primary key again: a replayed file
        input.add(record("customer_events", 2, EVENT.replace("EVT000000001", "EVT000000002")));
        input.add(record("payment_transactions", 0, PAYMENT));
        input.add(record("support_tickets", 0, TICKET));
        input.add(record("payment_transactions", 1, PAYMENT.replace("123.45", "12x")));
        input.add(record("customer_events", 3, "EVT000000003,CUST1"));
        input.add(record("customer_events", 4, EVENT.replace("2024-03-05 14:07:09", "yesterday")));
        input.add(record("customer_events", 5, EVENT.replace("EVT000000001", "")));
        KafkaRecord invalidUtf8 = record("customer_events", 6, EVENT.replace("EVT000000001", "EVT000000009"));
        invalidUtf8.value[30] = (byte) 0xFF;
        input.add(invalidUtf8);
        KafkaRecord deadLetter = record(DeadLetterHeaders.TOPIC_NAME, 0, "garbage");
        deadLetter.deadLetterReason = "wrong_column_count";
        deadLetter.deadLetterSource = "customer_events";
        deadLetter.deadLetterFile = "customer_events.csv";
        deadLetter.deadLetterLine = 12L;
        input.add(deadLetter);
        input.add(record("unknown_topic", 0, "x"));
        KafkaRecord heartbeat = record("customer_events", 7, "");
        heartbeat.heartbeat = true;
        input.add(heartbeat);

        List<String> written = run(input);

        // the heartbeat (an empty value) is neither a row nor a rejected record
        assertThat(written).hasSize(11);
        assertThat(written).filteredOn(w -> w.startsWith("customer_events|")).hasSize(2);
        assertThat(written).filteredOn(w -> w.startsWith("payment_transactions|")).hasSize(1);
        assertThat(written).filteredOn(w -> w.startsWith("support_tickets|")).hasSize(1);
        assertThat(written).filteredOn(w -> w.startsWith("rejected_records|"))
                .extracting(w -> w.split("\\|")[1])
                .containsExactlyInAnyOrder("bad_number", "wrong_column_count", "bad_timestamp", "missing_primary_key",
                        "invalid_utf8", "wrong_column_count", "unknown_source");
    }

    @Test
    void recordsWithColumnNamesAreMappedByNameAndKeepTheirExtraColumns() throws Exception {
        String header = String.join(",", dev.lakehouse.contract.Source.CUSTOMER_EVENTS.header());
        KafkaRecord withCoupon = record("customer_events", 0, EVENT.replace("EVT000000001", "EVT000000005") + ",SAVE10");
        withCoupon.columns = header + ",coupon_code";
        KafkaRecord emptyCoupon = record("customer_events", 1, EVENT.replace("EVT000000001", "EVT000000006") + ",");
        emptyCoupon.columns = header + ",coupon_code";
        KafkaRecord noCustomer = record("customer_events", 2, EVENT.replace("CUST000042,", ""));
        noCustomer.columns = header.replace("customer_id,", "");
        KafkaRecord badHeader = record("customer_events", 3, EVENT + ",x");
        badHeader.columns = header + ",Coupon Code";
        KafkaRecord plain = record("customer_events", 4, EVENT);

        List<String> written = new ArrayList<>();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        List<DataStream<String>> outputs = new ArrayList<>();
        BronzePipeline.build(env.fromData(List.of(withCoupon, emptyCoupon, noCustomer, badHeader, plain)), PREFIX, 64 * 1024,
                Duration.ofHours(1), (table, rows) -> {
                    String name = table.name();
                    if (name.equals(BronzeTables.REJECTED_RECORDS)) {
                        outputs.add(rows.map(row -> "rejected|" + row.getString(1) + "|" + row.getString(2)).returns(Types.STRING));
                    } else {
                        dev.lakehouse.contract.Source source = dev.lakehouse.contract.Source.byName(name).orElseThrow();
                        outputs.add(rows.map(row -> name + "|" + row.getString(0) + "|" + BronzeRows.extraColumns(source, row))
                                .returns(Types.STRING));
                    }
                });
        DataStream<String> all = outputs.get(0);
        for (DataStream<String> other : outputs.subList(1, outputs.size())) {
            all = all.union(other);
        }
        try (CloseableIterator<String> rows = all.executeAndCollect()) {
            rows.forEachRemaining(written::add);
        }

        assertThat(written).containsExactlyInAnyOrder(
                "customer_events|EVT000000005|{coupon_code=SAVE10}",
                "customer_events|EVT000000006|{coupon_code=null}",
                "customer_events|EVT000000001|{}",
                "rejected|missing_column|no column customer_id, which the contract of customer_events requires",
                "rejected|bad_header|column name 'Coupon Code' is not a lower-case name of letters, digits and _ (at most 64 characters)");
    }

    private static List<String> run(List<KafkaRecord> input) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<DataStream<String>> outputs = new ArrayList<>();
        BronzePipeline.build(env.fromData(input), PREFIX, 64 * 1024, Duration.ofHours(1),
                (table, rows) -> {
                    String name = table.name();
                    boolean rejected = name.equals(BronzeTables.REJECTED_RECORDS);
                    outputs.add(rows.map(row -> name + "|" + (rejected ? row.getString(1) + "|" + row.getString(5) : row.getString(0)))
                            .returns(Types.STRING));
                });
        DataStream<String> all = outputs.get(0);
        for (DataStream<String> other : outputs.subList(1, outputs.size())) {
            all = all.union(other);
        }
        List<String> result = new ArrayList<>();
        try (CloseableIterator<String> rows = all.executeAndCollect()) {
            rows.forEachRemaining(result::add);
        }
        return result;
    }

    private static KafkaRecord record(String source, long offset, String value) {
        return new KafkaRecord(PREFIX + source, 0, offset, 0L, value.getBytes(StandardCharsets.UTF_8));
    }
}
