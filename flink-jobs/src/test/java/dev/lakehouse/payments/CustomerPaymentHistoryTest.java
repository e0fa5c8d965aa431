package dev.lakehouse.payments;

import static dev.lakehouse.payments.Transactions.T0;
import static dev.lakehouse.payments.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.testing.ContractRows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerPaymentHistoryTest {
    private final CustomerPaymentHistory history = new CustomerPaymentHistory();

    @Test
    void firstTransactionSeesOnlyItself() {
        CustomerPaymentFigures figures = history.record(tx("TXN1", T0, "completed", "100.00"));

        assertThat(figures.customerTotalTransactions()).isEqualTo(1);
        assertThat(figures.customerSuccessfulTransactions()).isEqualTo(1);
        assertThat(figures.customerFailedTransactions()).isZero();
        assertThat(figures.customerAvgTransactionAmount()).isEqualTo(100.0);
        assertThat(figures.customerMaxTransactionAmount()).isEqualByComparingTo("100.00");
        assertThat(figures.isHighFailureRateCustomer()).isFalse();
        assertThat(figures.isUnusualLargeTransaction()).as("no earlier transaction").isFalse();
        assertThat(figures.isVelocityBurst()).isFalse();
    }

    @Test
    void figuresAreAsOfEachTransactionNotTheFinalOnes() {
        List<CustomerPaymentFigures> figures = recordAll(
                tx("TXN1", T0, "completed", "10.00"),
                tx("TXN2", T0.plusDays(1), "failed", "30.00"),
                tx("TXN3", T0.plusDays(2), "pending", "20.00"));

        assertThat(figures).extracting(CustomerPaymentFigures::customerTotalTransactions).containsExactly(1L, 2L, 3L);
        assertThat(figures).extracting(CustomerPaymentFigures::customerSuccessfulTransactions).containsExactly(1L, 1L, 1L);
        assertThat(figures).extracting(CustomerPaymentFigures::customerFailedTransactions).containsExactly(0L, 1L, 1L);
        assertThat(figures).extracting(CustomerPaymentFigures::customerAvgTransactionAmount)
                .containsExactly(10.0, 20.0, 20.0);
        assertThat(figures).extracting(f -> f.customerMaxTransactionAmount().toPlainString())
                .containsExactly("10.00", "30.00", "30.00");
    }

    @Test
    void missingAmountCountsAsATransactionButNotInAverageOrMax() {
        List<CustomerPaymentFigures> figures = recordAll(
                tx("TXN1", T0, "completed", null),
                tx("TXN2", T0.plusDays(1), "completed", "40.00"),
                tx("TXN3", T0.plusDays(2), "failed", null));

        assertThat(figures.get(0).customerAvgTransactionAmount()).isNull();
        assertThat(figures.get(0).customerMaxTransactionAmount()).isNull();
        assertThat(figures.get(0).isUnusualLargeTransaction()).isFalse();
        assertThat(figures.get(1).customerAvgTransactionAmount()).isEqualTo(40.0);
        assertThat(figures.get(1).isUnusualLargeTransaction()).as("no earlier amount").isFalse();
        assertThat(figures.get(2).customerTotalTransactions()).isEqualTo(3);
        assertThat(figures.get(2).customerAvgTransactionAmount()).isEqualTo(40.0);
        assertThat(figures.get(2).isUnusualLargeTransaction()).isFalse();
    }

    @Test
    void failureRateOfExactlyThreeTenthsIsNotHigh() {
        List<CustomerPaymentFigures> figures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            figures.add(history.record(tx("TXN" + (10 + i), T0.plusDays(i), i < 3 ? "failed" : "completed", "10.00")));
        }

        assertThat(figures.get(9).customerFailedTransactions()).isEqualTo(3);
        assertThat(figures.get(9).isHighFailureRateCustomer()).isFalse();
        assertThat(history.record(tx("TXN99", T0.plusDays(20), "failed", "10.00")).isHighFailureRateCustomer())
                .as("4 of 11 > 0.3").isTrue();
    }

    @Test
    void failureRateIsAsOfTheTransaction() {
        List<CustomerPaymentFigures> figures = recordAll(
                tx("TXN1", T0, "failed", "10.00"),
                tx("TXN2", T0.plusDays(1), "completed", "10.00"),
                tx("TXN3", T0.plusDays(2), "completed", "10.00"),
                tx("TXN4", T0.plusDays(3), "completed", "10.00"));

        assertThat(figures).extracting(CustomerPaymentFigures::isHighFailureRateCustomer)
                .containsExactly(true, true, true, false); // 1/1, 1/2, 1/3 > 0.3; 1/4 is not
    }

    @Test
    void exactlyThreeTimesTheEarlierAverageIsNotUnusual() {
        recordAll(tx("TXN1", T0, "completed", "10.00"), tx("TXN2", T0.plusDays(1), "completed", "20.00"));

        assertThat(history.record(tx("TXN3", T0.plusDays(2), "completed", "45.00")).isUnusualLargeTransaction())
                .isFalse();
    }

    @Test
    void oneCentAboveThreeTimesTheEarlierAverageIsUnusual() {
        recordAll(tx("TXN1", T0, "completed", "10.00"), tx("TXN2", T0.plusDays(1), "completed", "20.00"));

        assertThat(history.record(tx("TXN3", T0.plusDays(2), "completed", "45.01")).isUnusualLargeTransaction())
                .isTrue();
    }

    @Test
    void unusualComparesWithAnAverageThatIsNotADecimalFraction() {
        // Earlier average 10/3 = 3.333…; 3 × that is exactly 10.00, which a double comparison could get wrong.
        recordAll(
                tx("TXN1", T0, "completed", "1.00"),
                tx("TXN2", T0.plusDays(1), "completed", "1.00"),
                tx("TXN3", T0.plusDays(2), "completed", "8.00"));

        assertThat(history.record(tx("TXN4", T0.plusDays(3), "completed", "10.00")).isUnusualLargeTransaction())
                .isFalse();
    }

    @Test
    void unusualUsesEarlierTransactionsOfAnyStatus() {
        recordAll(tx("TXN1", T0, "failed", "10.00"));

        assertThat(history.record(tx("TXN2", T0.plusDays(1), "completed", "30.01")).isUnusualLargeTransaction())
                .isTrue();
    }

    @Test
    void fifthTransactionWithinOneHourIsABurst() {
        List<CustomerPaymentFigures> figures = recordAll(
                tx("TXN1", T0, "completed", "10.00"),
                tx("TXN2", T0.plusMinutes(10), "completed", "10.00"),
                tx("TXN3", T0.plusMinutes(20), "completed", "10.00"),
                tx("TXN4", T0.plusMinutes(30), "completed", "10.00"),
                tx("TXN5", T0.plusMinutes(40), "completed", "10.00"));

        assertThat(figures).extracting(CustomerPaymentFigures::isVelocityBurst)
                .containsExactly(false, false, false, false, true);
    }

    @Test
    void transactionExactlyOneHourEarlierStillCounts() {
        List<CustomerPaymentFigures> figures = recordAll(
                tx("TXN1", T0, "completed", "10.00"),
                tx("TXN2", T0.plusMinutes(15), "completed", "10.00"),
                tx("TXN3", T0.plusMinutes(30), "completed", "10.00"),
                tx("TXN4", T0.plusMinutes(45), "completed", "10.00"),
                tx("TXN5", T0.plusHours(1), "completed", "10.00"));

        assertThat(figures.get(4).isVelocityBurst()).isTrue();
    }

    @Test
    void transactionOneSecondMoreThanAnHourEarlierDoesNotCount() {
        List<CustomerPaymentFigures> figures = recordAll(
                tx("TXN1", T0, "completed", "10.00"),
                tx("TXN2", T0.plusMinutes(15), "completed", "10.00"),
                tx("TXN3", T0.plusMinutes(30), "completed", "10.00"),
                tx("TXN4", T0.plusMinutes(45), "completed", "10.00"),
                tx("TXN5", T0.plusHours(1).plusSeconds(1), "completed", "10.00"));

        assertThat(figures.get(4).isVelocityBurst()).isFalse();
    }

    @Test
    void burstCountsTransactionsAtTheSameInstant() {
        List<CustomerPaymentFigures> figures = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            figures.add(history.record(tx("TXN" + i, T0, "failed", "10.00")));
        }

        assertThat(figures).extracting(CustomerPaymentFigures::isVelocityBurst)
                .containsExactly(false, false, false, false, true);
    }

    @Test
    void velocityStateKeepsOnlyTheLastHour() {
        for (int i = 0; i < 100; i++) {
            history.record(tx("TXN%03d".formatted(i), T0.plusMinutes(10L * i), "completed", "10.00"));
        }

        assertThat(history.recentMillis).hasSize(7); // [t − 60 min, t] in steps of 10 min
    }

    @Test
    void recordsInEventTimeThenTransactionIdOrder() {
        history.record(tx("TXN5", T0, "completed", "10.00"));

        assertThat(history.canRecord(tx("TXN6", T0, "completed", "10.00"))).isTrue();
        assertThat(history.canRecord(tx("TXN4", T0, "completed", "10.00"))).isFalse();
        assertThat(history.canRecord(tx("TXN5", T0, "completed", "10.00"))).as("the same one again").isFalse();
        assertThat(history.canRecord(tx("TXN1", T0.plusSeconds(1), "completed", "10.00"))).isTrue();
        assertThat(history.canRecord(tx("TXN9", T0.minusSeconds(1), "completed", "10.00"))).isFalse();
    }

    @Test
    void refusesATransactionOutOfOrderWithoutChangingState() {
        history.record(tx("TXN5", T0, "completed", "10.00"));

        assertThatThrownBy(() -> history.record(tx("TXN9", T0.minusSeconds(1), "completed", "10.00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(history.totalTransactions).isEqualTo(1);
    }

    @Test
    void outOfOrderTransactionSeesEverythingKnownAtItsArrival() {
        history.record(tx("TXN1", T0, "completed", "10.00"));
        history.record(tx("TXN3", T0.plusMinutes(40), "failed", "20.00"));

        CustomerPaymentFigures late = history.recordOutOfOrder(tx("TXN2", T0.plusMinutes(20), "completed", "100.00"));

        assertThat(late.customerTotalTransactions()).isEqualTo(3);
        assertThat(late.customerFailedTransactions()).isEqualTo(1);
        assertThat(late.customerMaxTransactionAmount()).isEqualByComparingTo("100.00");
        assertThat(late.isUnusualLargeTransaction()).as("100 > 3 × avg(10, 20)").isTrue();
        assertThat(history.lastTransactionId).as("the order position stays").isEqualTo("TXN3");
    }

    @Test
    void transactionsAfterAnOutOfOrderOneSeeWhatInOrderRecordingGives() {
        CustomerPaymentHistory inOrder = new CustomerPaymentHistory();
        List<PaymentTransaction> byTime = List.of(
                tx("TXN1", T0, "completed", "10.00"),
                tx("TXN2", T0.plusMinutes(10), "failed", "30.00"),
                tx("TXN3", T0.plusMinutes(20), "completed", "20.00"),
                tx("TXN4", T0.plusMinutes(30), "completed", "20.00"),
                tx("TXN5", T0.plusMinutes(40), "completed", "50.00"),
                tx("TXN6", T0.plusMinutes(50), "completed", "10.00"));
        byTime.forEach(inOrder::record);

        for (int i : new int[] {0, 2, 3, 1}) {
            history.recordOutOfOrder(byTime.get(i));
        }
        CustomerPaymentFigures fifth = history.record(byTime.get(4));
        CustomerPaymentFigures sixth = history.record(byTime.get(5));

        CustomerPaymentHistory replay = new CustomerPaymentHistory();
        List<CustomerPaymentFigures> expected = byTime.stream().map(replay::record).toList();
        assertThat(fifth).isEqualTo(expected.get(4));
        assertThat(sixth).isEqualTo(expected.get(5));
        assertThat(history.recentMillis).isEqualTo(inOrder.recentMillis);
    }

    @Test
    void outOfOrderTransactionThatStillFitsIsRecordedInOrder() {
        history.record(tx("TXN1", T0, "completed", "10.00"));

        history.recordOutOfOrder(tx("TXN2", T0.plusMinutes(5), "completed", "10.00"));

        assertThat(history.lastTransactionId).isEqualTo("TXN2");
    }

    @Test
    void analyzePutsTheWholeRowTogether() {
        PaymentTransaction transaction = tx("TXN1", T0, "completed", "10.00");

        PaymentAnalysis analysis = history.analyze(transaction);

        assertThat(analysis.transactionId()).isEqualTo("TXN1");
        assertThat(analysis.transaction()).isEqualTo(transaction);
        assertThat(analysis.derivations()).isEqualTo(PaymentDerivations.of(transaction));
        assertThat(analysis.customer().customerTotalTransactions()).isEqualTo(1);
    }

    @Test
    void isAFlinkPojoWithoutKryoFields() {
        ContractRows.assertFlinkPojoWithoutKryo(CustomerPaymentHistory.class);
    }

    private List<CustomerPaymentFigures> recordAll(PaymentTransaction... transactions) {
        List<CustomerPaymentFigures> figures = new ArrayList<>();
        for (PaymentTransaction transaction : transactions) {
            figures.add(history.record(transaction));
        }
        return figures;
    }
}
