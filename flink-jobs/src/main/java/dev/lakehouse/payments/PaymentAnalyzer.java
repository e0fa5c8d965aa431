package dev.lakehouse.payments;

import dev.lakehouse.contract.Source;
import dev.lakehouse.late.LateEventRows;
import dev.lakehouse.late.LateReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RuntimeContext;
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
    private transient ValueState<CustomerPaymentState> customer;
    private transient SeparateStates beforeMerge;
    private transient Counter lateEvents;

    @Override
    public void open(OpenContext openContext) {
        waiting = getRuntimeContext().getListState(
                new ListStateDescriptor<>("waiting", TypeInformation.of(PaymentTransaction.class)));
        customer = getRuntimeContext().getState(
                new ValueStateDescriptor<>("customer", TypeInformation.of(CustomerPaymentState.class)));
        beforeMerge = new SeparateStates(getRuntimeContext());
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

        CustomerPaymentState state = customerState();
        out.collect(PaymentRows.analysis(state.history.analyzeOutOfOrder(transaction)));
        state.profile.add(transaction);
        customer.update(state);
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
        CustomerPaymentState state = customerState();
        if (!ready.isEmpty()) {
            ready.sort(EVENT_TIME_ORDER);
            for (PaymentTransaction transaction : ready) {
                out.collect(PaymentRows.analysis(state.history.analyze(transaction)));
                state.profile.add(transaction);
            }
            if (stillWaiting.isEmpty()) {
                waiting.clear();
            } else {
                waiting.update(stillWaiting);
            }
        }
        boolean profileChanged = state.profileChangedSinceWritten();
        if (profileChanged) {
            RowKind kind = state.writtenProfileTotal == null ? RowKind.INSERT : RowKind.UPDATE_AFTER;
            ctx.output(PROFILES, PaymentRows.profile(kind, state.profile.toSummary()));
            state.writtenProfileTotal = state.profile.totalTransactions;
        }
        if (!ready.isEmpty() || profileChanged) {
            customer.update(state);
        }
    }

    private CustomerPaymentState customerState() throws Exception {
        CustomerPaymentState state = customer.value();
        if (state != null) {
            return state;
        }
        Optional<CustomerPaymentState> restored = beforeMerge.takeOver();
        if (restored.isEmpty()) {
            return new CustomerPaymentState();
        }
        customer.update(restored.get());
        return restored.get();
    }

    /**
     * The three values a customer's state was split into before {@link CustomerPaymentState}, as savepoints of
     * those versions hold them. A customer's are read once, on the first access after the restore, moved into
     * the merged value and cleared. Customers new since the restore cost three lookups of
     * missing keys once. Can go when no such savepoint needs restoring any more.
     */
    private static final class SeparateStates {
        private final ValueState<CustomerPaymentHistory> history;
        private final ValueState<CustomerPaymentProfile> profile;
        private final ValueState<Long> writtenProfileTotal;

        SeparateStates(RuntimeContext context) {
            history = context.getState(
                    new ValueStateDescriptor<>("history", TypeInformation.of(CustomerPaymentHistory.class)));
            profile = context.getState(
                    new ValueStateDescriptor<>("profile", TypeInformation.of(CustomerPaymentProfile.class)));
            writtenProfileTotal = context.getState(new ValueStateDescriptor<>("written-profile-total", Types.LONG));
        }

        Optional<CustomerPaymentState> takeOver() throws Exception {
            CustomerPaymentHistory oldHistory = history.value();
            CustomerPaymentProfile oldProfile = profile.value();
            Long oldWrittenTotal = writtenProfileTotal.value();
            if (oldHistory == null && oldProfile == null && oldWrittenTotal == null) {
                return Optional.empty();
            }
            history.clear();
            profile.clear();
            writtenProfileTotal.clear();
            return Optional.of(new CustomerPaymentState(
                    oldHistory == null ? new CustomerPaymentHistory() : oldHistory,
                    oldProfile == null ? new CustomerPaymentProfile() : oldProfile,
                    oldWrittenTotal));
        }
    }
}
