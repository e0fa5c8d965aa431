package dev.lakehouse.payments;

import dev.lakehouse.contract.Source;
import dev.lakehouse.late.LateEventRows;
import dev.lakehouse.late.LateReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per customer: {@code silver.payment_analysis} rows (main output) and the {@code silver.customer_payment_profile}
 * upsert (side output), with no look-ahead. W is the operator's watermark.
 *
 * <ul>
 *   <li><b>In order.</b> A transaction with time &gt; W waits in state for an event-time timer at its time. When
 *       the watermark reaches it, every waiting transaction with time &le; W is fed to
 *       {@link CustomerPaymentHistory} in (event time, transaction_id) order: nothing earlier can still arrive
 *       on time, so the figures are those of a batch run in event-time order.</li>
 *   <li><b>Behind the watermark.</b> A transaction with time &le; W can no longer be put in order. It is analysed
 *       at once as of its arrival ({@link CustomerPaymentHistory#recordOutOfOrder}: the history so far plus
 *       itself; rows already written are not revised, as a real-time system could not either), counted in the
 *       history for the transactions after it, and also written to {@code silver.late_events} with reason
 *       out_of_order_payment and counted in {@code lateEvents}. Nothing is lost, and the difference from the
 *       batch answer is visible.</li>
 *   <li><b>Profile.</b> Every transaction is added to the customer's {@link CustomerPaymentProfile}; the row is
 *       written at most once per timer firing (INSERT the first time, then UPDATE_AFTER), not per transaction.
 *       A late transaction asks for a timer at W + 1, i.e. the next watermark advance.</li>
 * </ul>
 * A transaction is analysed exactly once, so analysis rows are INSERTs only.
 */
public class PaymentAnalyzer extends KeyedProcessFunction<String, PaymentTransaction, RowData> {
    public static final OutputTag<RowData> PROFILES = new OutputTag<>("customer-payment-profiles", PaymentRows.profileTypeInfo());
    public static final OutputTag<RowData> LATE_TRANSACTIONS =
            new OutputTag<>("late-payment-transactions", LateEventRows.typeInfo());

    private static final Comparator<PaymentTransaction> EVENT_TIME_ORDER = Comparator
            .comparingLong(PaymentTransaction::eventTimeMillis)
            .thenComparing(PaymentTransaction::transactionId);

    private transient ListState<PaymentTransaction> waiting;
    private transient ValueState<CustomerPaymentHistory> history;
    private transient ValueState<CustomerPaymentProfile> profile;
    /** total_transactions of the profile row last written; {@code null} before the first. */
    private transient ValueState<Long> writtenProfileTotal;
    private transient Counter lateEvents;

    @Override
    public void open(OpenContext openContext) {
        waiting = getRuntimeContext().getListState(
                new ListStateDescriptor<>("waiting", TypeInformation.of(PaymentTransaction.class)));
        history = getRuntimeContext().getState(
                new ValueStateDescriptor<>("history", TypeInformation.of(CustomerPaymentHistory.class)));
        profile = getRuntimeContext().getState(
                new ValueStateDescriptor<>("profile", TypeInformation.of(CustomerPaymentProfile.class)));
        writtenProfileTotal = getRuntimeContext().getState(new ValueStateDescriptor<>("written-profile-total", Types.LONG));
        lateEvents = getRuntimeContext().getMetricGroup().counter("lateEvents");
    }

    @Override
    public void processElement(PaymentTransaction transaction, Context ctx, Collector<RowData> out) throws Exception {
        long time = transaction.eventTimeMillis();
        long watermark = ctx.timerService().currentWatermark();
        if (time > watermark) {
            waiting.add(transaction);
            ctx.timerService().registerEventTimeTimer(time);
            return;
        }

        CustomerPaymentHistory customer = currentHistory();
        out.collect(PaymentRows.analysis(customer.analyzeOutOfOrder(transaction)));
        history.update(customer);
        addToProfile(List.of(transaction));
        ctx.timerService().registerEventTimeTimer(watermark + 1);

        lateEvents.inc();
        ctx.output(LATE_TRANSACTIONS, LateEventRows.row(Source.PAYMENT_TRANSACTIONS, transaction.transactionId(),
                transaction.customerId(), time, watermark, LateReason.OUT_OF_ORDER_PAYMENT,
                ctx.timerService().currentProcessingTime()));
    }

    /** The first firing of a watermark advance releases everything it passed; later ones find nothing to do. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RowData> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        List<PaymentTransaction> ready = new ArrayList<>();
        List<PaymentTransaction> stillWaiting = new ArrayList<>();
        for (PaymentTransaction transaction : waiting.get()) {
            (transaction.eventTimeMillis() <= watermark ? ready : stillWaiting).add(transaction);
        }
        if (!ready.isEmpty()) {
            ready.sort(EVENT_TIME_ORDER);
            CustomerPaymentHistory customer = currentHistory();
            for (PaymentTransaction transaction : ready) {
                out.collect(PaymentRows.analysis(customer.analyze(transaction)));
            }
            history.update(customer);
            addToProfile(ready);
            if (stillWaiting.isEmpty()) {
                waiting.clear();
            } else {
                waiting.update(stillWaiting);
            }
        }
        writeProfileIfChanged(ctx);
    }

    private CustomerPaymentHistory currentHistory() throws Exception {
        CustomerPaymentHistory customer = history.value();
        return customer == null ? new CustomerPaymentHistory() : customer;
    }

    private void addToProfile(List<PaymentTransaction> transactions) throws Exception {
        CustomerPaymentProfile customer = profile.value();
        if (customer == null) {
            customer = new CustomerPaymentProfile();
        }
        transactions.forEach(customer::add);
        profile.update(customer);
    }

    /** Every transaction raises total_transactions, so an unchanged total means an unchanged profile. */
    private void writeProfileIfChanged(OnTimerContext ctx) throws Exception {
        CustomerPaymentProfile customer = profile.value();
        Long written = writtenProfileTotal.value();
        if (customer == null || (written != null && written == customer.totalTransactions)) {
            return;
        }
        RowKind kind = written == null ? RowKind.INSERT : RowKind.UPDATE_AFTER;
        ctx.output(PROFILES, PaymentRows.profile(kind, customer.toSummary()));
        writtenProfileTotal.update(customer.totalTransactions);
    }
}
