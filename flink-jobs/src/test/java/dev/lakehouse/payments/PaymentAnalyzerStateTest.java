package dev.lakehouse.payments;

import static dev.lakehouse.payments.Transactions.CUSTOMER;
import static dev.lakehouse.payments.Transactions.T0;
import static dev.lakehouse.payments.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.ZoneOffset;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

/** What the payment analyzer keeps per customer, and that state of the versions before the merged value restores. */
class PaymentAnalyzerStateTest {
    private static final int ANALYSIS_TOTAL = 22;
    private static final int ANALYSIS_UNUSUAL_LARGE = 28;
    private static final int PROFILE_TOTAL = 1;

    @Test
    void aCustomerKeepsOneValueOnceItsTransactionsAreAnalysed() throws Exception {
        try (var harness = harness()) {
            harness.processElement(tx("TXN1", T0, "completed", "10.00"), millis(0));
            harness.processElement(tx("TXN2", T0.plusMinutes(1), "completed", "20.00"), millis(1));
            assertThat(harness.numKeyedStateEntries()).as("waiting list and nothing else yet").isEqualTo(1);

            harness.processWatermark(millis(1));

            assertThat(harness.extractOutputValues()).extracting(row -> row.getLong(ANALYSIS_TOTAL))
                    .containsExactly(1L, 2L);
            assertThat(harness.getSideOutput(PaymentAnalyzer.PROFILES)).extracting(StreamRecord::getValue)
                    .extracting(RowData::getRowKind, row -> row.getLong(PROFILE_TOTAL))
                    .containsExactly(tuple(RowKind.INSERT, 2L));
            assertThat(harness.numKeyedStateEntries()).as("the customer's value only").isEqualTo(1);
        }
    }

    @Test
    void aCustomerStoredAsSeparateValuesByAnOlderVersionGoesOnFromThem() throws Exception {
        try (var harness = harness()) {
            CustomerPaymentHistory history = new CustomerPaymentHistory();
            CustomerPaymentProfile profile = new CustomerPaymentProfile();
            for (PaymentTransaction earlier : new PaymentTransaction[] {
                    tx("TXN1", T0, "completed", "10.00"), tx("TXN2", T0.plusMinutes(1), "completed", "10.00")}) {
                history.record(earlier);
                profile.add(earlier);
            }
            KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
            backend.setCurrentKey(CUSTOMER);
            separateValue(backend, "history", TypeInformation.of(CustomerPaymentHistory.class)).update(history);
            separateValue(backend, "profile", TypeInformation.of(CustomerPaymentProfile.class)).update(profile);
            separateValue(backend, "written-profile-total", Types.LONG).update(2L);

            harness.processElement(tx("TXN3", T0.plusMinutes(2), "completed", "31.00"), millis(2));
            harness.processWatermark(millis(2));

            assertThat(harness.extractOutputValues()).singleElement().satisfies(row -> {
                assertThat(row.getLong(ANALYSIS_TOTAL)).isEqualTo(3);
                assertThat(row.getBoolean(ANALYSIS_UNUSUAL_LARGE)).as("31 > 3 × the average of 10 and 10").isTrue();
            });
            assertThat(harness.getSideOutput(PaymentAnalyzer.PROFILES)).extracting(StreamRecord::getValue)
                    .extracting(RowData::getRowKind, row -> row.getLong(PROFILE_TOTAL))
                    .containsExactly(tuple(RowKind.UPDATE_AFTER, 3L));
            assertThat(harness.numKeyedStateEntries()).as("separate values cleared").isEqualTo(1);
        }
    }

    private static <T> ValueState<T> separateValue(KeyedStateBackend<String> backend, String name,
            TypeInformation<T> type) throws Exception {
        return backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                new ValueStateDescriptor<>(name, type));
    }

    private static long millis(int minutesAfterT0) {
        return T0.plusMinutes(minutesAfterT0).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, PaymentTransaction, RowData> harness()
            throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new PaymentAnalyzer()),
                PaymentTransaction::customerId, Types.STRING);
        harness.open();
        return harness;
    }
}
