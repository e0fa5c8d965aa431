package dev.lakehouse.payments;

import static dev.lakehouse.payments.Transactions.CUSTOMER;
import static dev.lakehouse.payments.Transactions.T0;
import static dev.lakehouse.payments.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.bronze.BronzeTypes;
import dev.lakehouse.late.LateEventTables;
import dev.lakehouse.testing.ChangelogTable;
import dev.lakehouse.testing.Collected;
import dev.lakehouse.testing.ContractRows;
import dev.lakehouse.testing.EveryEventWatermarks;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The payment analyzer on Flink's MiniCluster; watermarks follow every transaction so lateness is exact. */
class PaymentsPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    private static final String OTHER_CUSTOMER = "CUST000002";

    @Test
    void arrivalOutOfOrderWithinTheBoundGivesTheEventTimeAnswer() throws Exception {
        List<PaymentTransaction> byEventTime = List.of(
                tx("TXN1", T0, "completed", "10.00"),
                tx("TXN2", T0.plusMinutes(2), "failed", "10.00"),
                tx("TXN3", T0.plusMinutes(4), "completed", "100.00"), // > 3 × avg(10, 10) in event-time order
                tx("TXN4", T0.plusMinutes(4), "failed", "20.00"), // same instant: after TXN3 by id
                tx("TXN5", T0.plusMinutes(8), "completed", "500.00"));
        Result result = run(Duration.ofMinutes(10),
                byEventTime.get(2), byEventTime.get(4), byEventTime.get(3), byEventTime.get(0), byEventTime.get(1));

        CustomerPaymentHistory inOrder = new CustomerPaymentHistory();
        List<Map<String, Object>> expected = byEventTime.stream()
                .map(transaction -> analysisValues(PaymentRows.analysis(inOrder.analyze(transaction))))
                .toList();
        assertThat(result.analysis().rows()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result.analysis().row("TXN3")).containsEntry("is_unusual_large_transaction", true)
                .containsEntry("customer_total_transactions", 3L);
        assertThat(result.analysis().row("TXN4")).containsEntry("customer_failed_transactions", 2L)
                .containsEntry("is_high_failure_rate_customer", true);
        assertThat(result.lateTransactions()).isEmpty();
    }

    @Test
    void fifthTransactionWithinOneHourIsAVelocityBurst() throws Exception {
        Result result = run(Duration.ZERO,
                tx("TXN1", T0, "completed", "10.00"),
                tx("TXN2", T0.plusMinutes(15), "completed", "10.00"),
                tx("TXN3", T0.plusMinutes(30), "completed", "10.00"),
                tx("TXN4", T0.plusMinutes(45), "completed", "10.00"),
                tx("TXN5", T0.plusMinutes(60), "completed", "10.00"), // TXN1 exactly one hour earlier still counts
                tx("TXN6", T0.plusMinutes(120), "completed", "10.00"));

        assertThat(result.analysis().rows().stream()
                        .sorted(Comparator.comparing(row -> (String) row.get("transaction_id")))
                        .map(row -> row.get("is_velocity_burst")))
                .containsExactly(false, false, false, false, true, false);
    }

    @Test
    void profileHoldsTheFinalFiguresOfEveryCustomer() throws Exception {
        Result result = run(Duration.ofMinutes(5),
                tx("TXN1", T0, "completed", "100.00", 85.0, "credit_card"),
                tx("TXN2", T0.plusMinutes(1), "failed", "50.00", 10.0, "paypal"),
                tx("TXN3", T0.plusHours(1), "completed", "25.50", 80.0, "paypal"),
                tx("TXN4", T0.plusHours(2), "pending", null, null, null),
                otherCustomer("TXN9", T0.plusMinutes(30)));

        assertThat(result.profiles().row(CUSTOMER))
                .containsEntry("total_transactions", 4L)
                .containsEntry("successful_transactions", 2L)
                .containsEntry("failed_transactions", 1L)
                .containsEntry("high_risk_transactions", 2L)
                .containsEntry("avg_amount", 175.5 / 3)
                .containsEntry("max_amount", new BigDecimal("100.00"))
                .containsEntry("total_successful_amount", new BigDecimal("125.50"))
                .containsEntry("distinct_payment_methods", 2L);
        assertThat(result.profiles().row(OTHER_CUSTOMER)).containsEntry("total_transactions", 1L);
    }

    @Test
    void profileIsWrittenOncePerWatermarkAdvanceNotPerTransaction() throws Exception {
        // Nothing passes the one-day bound before the end of input: one watermark advance releases everything.
        Result result = run(Duration.ofDays(1),
                tx("TXN1", T0, "completed", "10.00"),
                tx("TXN2", T0.plusMinutes(1), "completed", "10.00"),
                tx("TXN3", T0.plusMinutes(2), "completed", "10.00"));

        assertThat(result.profileChanges()).singleElement()
                .satisfies(row -> assertThat(row.getRowKind()).isEqualTo(RowKind.INSERT));
        assertThat(result.profiles().row(CUSTOMER)).containsEntry("total_transactions", 3L);
    }

    @Test
    void transactionBehindTheWatermarkIsAnalysedAsOfItsArrivalAndReported() throws Exception {
        LocalDateTime clockTime = T0.plusHours(3);
        Result result = run(Duration.ZERO,
                tx("TXN1", T0, "completed", "10.00"),
                tx("TXN2", T0.plusHours(1), "completed", "10.00"),
                otherCustomer("TXN8", clockTime), // the watermark passes TXN1 and TXN2
                tx("TXN3", T0.plusMinutes(30), "completed", "100.00"), // behind the watermark
                tx("TXN4", T0.plusHours(4), "completed", "10.00"));

        assertThat(result.analysis().row("TXN3"))
                .containsEntry("customer_total_transactions", 3L)
                .containsEntry("customer_max_transaction_amount", new BigDecimal("100.00"))
                .containsEntry("is_unusual_large_transaction", true);
        assertThat(result.analysis().row("TXN4"))
                .as("later transactions count the late one, as in event-time order")
                .containsEntry("customer_total_transactions", 4L)
                .containsEntry("customer_avg_transaction_amount", 32.5);
        assertThat(result.lateTransactions()).singleElement().satisfies(late -> assertThat(late)
                .containsEntry("source", "payment_transactions")
                .containsEntry("record_key", "TXN3")
                .containsEntry("customer_id", CUSTOMER)
                .containsEntry("event_time", T0.plusMinutes(30))
                .containsEntry("watermark_at_arrival", clockTime.minusNanos(1_000_000))
                .containsEntry("reason", "out_of_order_payment"));
        assertThat(result.profiles().row(CUSTOMER)).containsEntry("total_transactions", 4L);
    }

    @Test
    void transactionStateIsAFlinkPojo() {
        ContractRows.assertFlinkPojoWithoutKryo(PaymentTransaction.class);
        ContractRows.assertFlinkPojoWithoutKryo(CustomerPaymentProfile.class);
    }

    private static PaymentTransaction otherCustomer(String id, LocalDateTime time) {
        return new PaymentTransaction(id, "ORD000000009", OTHER_CUSTOMER, "debit_card", "completed",
                new BigDecimal("42.00"), "EUR", time, "00", new BigDecimal("1.00"), "MERCH0002", "DE", 5.0);
    }

    private static Map<String, Object> analysisValues(RowData row) {
        return ChangelogTable.values(BronzeTypes.rowType(PaymentTables.analysisSchema()), row);
    }

    private record Result(ChangelogTable analysis, List<RowData> profileChanges, ChangelogTable profiles,
            List<Map<String, Object>> lateTransactions) {}

    private static Result run(Duration outOfOrderness, PaymentTransaction... transactions) throws Exception {
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noKryo);
        env.setParallelism(1);
        DataStream<PaymentTransaction> input = env.fromData(Arrays.asList(transactions))
                .assignTimestampsAndWatermarks(EveryEventWatermarks.strategy(outOfOrderness,
                        (transaction, previous) -> transaction.eventTimeMillis()));
        PaymentsPipeline.Outputs outputs = PaymentsPipeline.build(input);
        List<List<RowData>> collected = Collected.run(env, outputs.analysis(), outputs.profiles(), outputs.lateTransactions());
        List<Map<String, Object>> late = collected.get(2).stream()
                .map(row -> ChangelogTable.values(BronzeTypes.rowType(LateEventTables.schema()), row))
                .toList();
        return new Result(
                ChangelogTable.of(PaymentTables.analysisSchema(), PaymentTables.analysisKeyColumns(), collected.get(0)),
                collected.get(1),
                ChangelogTable.of(PaymentTables.profileSchema(), PaymentTables.profileEqualityColumns(), collected.get(1)),
                late);
    }
}
