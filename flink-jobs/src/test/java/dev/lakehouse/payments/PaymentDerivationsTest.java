package dev.lakehouse.payments;

import static dev.lakehouse.payments.Transactions.T0;
import static dev.lakehouse.payments.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentDerivationsTest {

    @ParameterizedTest(name = "{0} is day {2}, hour {1}")
    @CsvSource({
        "2024-01-01T00:00:00, 0, 1", // a Monday, first second of the day
        "2024-01-06T12:30:00, 12, 6",
        "2024-01-07T23:59:59, 23, 7", // a Sunday, last second of the day
    })
    void dateHourAndIsoDayOfWeek(LocalDateTime time, int hour, int dayOfWeek) {
        PaymentDerivations derived = PaymentDerivations.of(tx("TXN1", time, "completed", "10.00"));

        assertThat(derived.transactionDate()).isEqualTo(time.toLocalDate());
        assertThat(derived.transactionHour()).isEqualTo(hour);
        assertThat(derived.transactionDayOfWeek()).isEqualTo(dayOfWeek);
    }

    @Test
    void dateIsTheUtcCalendarDate() {
        assertThat(PaymentDerivations.of(tx("TXN1", LocalDateTime.of(2024, 12, 31, 23, 59, 59), "completed", "1.00"))
                .transactionDate()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "completed, true, false, false",
        "failed, false, true, false",
        "refunded, false, false, true",
        "pending, false, false, false",
        "cancelled, false, false, false",
    })
    void statusFlags(String status, boolean successful, boolean failed, boolean refunded) {
        PaymentDerivations derived = PaymentDerivations.of(tx("TXN1", T0, status, "10.00"));

        assertThat(derived.isSuccessful()).isEqualTo(successful);
        assertThat(derived.isFailed()).isEqualTo(failed);
        assertThat(derived.isRefunded()).isEqualTo(refunded);
    }

    @Test
    void missingStatusRaisesNoFlag() {
        PaymentDerivations derived = PaymentDerivations.of(tx("TXN1", T0, null, "10.00"));

        assertThat(derived.isSuccessful() || derived.isFailed() || derived.isRefunded()).isFalse();
    }

    @ParameterizedTest(name = "risk {0} high: {1}")
    @CsvSource({"0, false", "79.99, false", "80, true", "80.01, true", "100, true"})
    void highRiskFromEighty(double riskScore, boolean highRisk) {
        assertThat(PaymentDerivations.of(tx("TXN1", T0, "completed", "10.00", riskScore, "credit_card")).isHighRisk())
                .isEqualTo(highRisk);
    }

    @ParameterizedTest
    @NullSource
    void missingRiskScoreIsNotHighRisk(Double riskScore) {
        assertThat(PaymentDerivations.of(tx("TXN1", T0, "completed", "10.00", riskScore, "credit_card")).isHighRisk())
                .isFalse();
    }

    @Test
    void netAmountIsAmountMinusFeeAtScaleTwo() {
        PaymentTransaction transaction = new PaymentTransaction("TXN1", null, "CUST1", "paypal", "completed",
                new BigDecimal("120.50"), "USD", T0, "00", new BigDecimal("3.62"), null, null, 1.0);

        assertThat(PaymentDerivations.of(transaction).netAmount()).isEqualByComparingTo("116.88").hasScaleOf(2);
    }

    @Test
    void netAmountIsNullWhenAmountOrFeeIsMissing() {
        assertThat(PaymentDerivations.netAmount(null, new BigDecimal("1.00"))).isNull();
        assertThat(PaymentDerivations.netAmount(new BigDecimal("1.00"), null)).isNull();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "credit_card, LOW_RISK",
        "debit_card, LOW_RISK",
        "paypal, MEDIUM_RISK",
        "apple_pay, MEDIUM_RISK",
        "google_pay, MEDIUM_RISK",
        "bank_transfer, HIGH_RISK",
        "crypto, HIGH_RISK",
    })
    void paymentMethodRiskCategory(String method, PaymentMethodRiskCategory category) {
        assertThat(PaymentDerivations.of(tx("TXN1", T0, "completed", "10.00", 1.0, method)).paymentMethodRiskCategory())
                .isEqualTo(category);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Credit_Card"})
    void missingOrUnknownMethodIsHighRisk(String method) {
        assertThat(PaymentMethodRiskCategory.of(method)).isEqualTo(PaymentMethodRiskCategory.HIGH_RISK);
    }

    @Test
    void categoryCodesAreTheTableValues() {
        assertThat(PaymentMethodRiskCategory.LOW_RISK.code()).isEqualTo("low_risk");
        assertThat(PaymentMethodRiskCategory.MEDIUM_RISK.code()).isEqualTo("medium_risk");
        assertThat(PaymentMethodRiskCategory.HIGH_RISK.code()).isEqualTo("high_risk");
    }
}
