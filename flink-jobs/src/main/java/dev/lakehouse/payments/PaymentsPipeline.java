package dev.lakehouse.payments;

import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.table.data.RowData;

/**
 * Payment transactions → {@code silver.payment_analysis}, {@code silver.customer_payment_profile} and the
 * transactions that arrived behind the watermark. The caller assigns event timestamps and watermarks.
 */
public final class PaymentsPipeline {
    public static final String ANALYZER_UID = "payments-analyzer";

    private PaymentsPipeline() {}

    /**
     * @param analysis INSERT rows of {@link PaymentTables#PAYMENT_ANALYSIS}, one per transaction
     * @param profiles upsert changelog (INSERT, UPDATE_AFTER) of {@link PaymentTables#CUSTOMER_PAYMENT_PROFILE}
     * @param lateTransactions append-only rows of {@link dev.lakehouse.late.LateEventTables#LATE_EVENTS}
     */
    public record Outputs(DataStream<RowData> analysis, DataStream<RowData> profiles, DataStream<RowData> lateTransactions) {}

    public static Outputs build(DataStream<PaymentTransaction> transactions) {
        SingleOutputStreamOperator<RowData> analysis = transactions
                .keyBy(new CustomerId())
                .process(new PaymentAnalyzer(), PaymentRows.analysisTypeInfo())
                .uid(ANALYZER_UID)
                .name("Analyse payments per customer");
        return new Outputs(analysis,
                analysis.getSideOutput(PaymentAnalyzer.PROFILES),
                analysis.getSideOutput(PaymentAnalyzer.LATE_TRANSACTIONS));
    }

    /** All of a customer's transactions meet in one history. */
    static final class CustomerId implements KeySelector<PaymentTransaction, String> {
        @Override
        public String getKey(PaymentTransaction transaction) {
            return transaction.customerId();
        }
    }
}
