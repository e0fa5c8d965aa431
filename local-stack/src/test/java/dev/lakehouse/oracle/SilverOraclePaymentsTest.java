package dev.lakehouse.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilverOraclePaymentsTest {
    @TempDir
    Path dir;

    @Test
    void velocityBurstCountsTheWholeHourEndingAtTheTransactionBothEndsIncluded() {
        Map<String, Map<String, Object>> rows = analysisById(TestSeeds.in(dir)
                .payment("TXN1", "CUST1", "paypal", "completed", "10.00", "2024-01-01 10:00:00", "1")
                .payment("TXN2", "CUST1", "paypal", "completed", "10.00", "2024-01-01 10:15:00", "1")
                .payment("TXN3", "CUST1", "paypal", "completed", "10.00", "2024-01-01 10:30:00", "1")
                .payment("TXN4", "CUST1", "paypal", "completed", "10.00", "2024-01-01 10:45:00", "1")
                .payment("TXN5", "CUST1", "paypal", "completed", "10.00", "2024-01-01 11:00:00", "1")
                .payment("TXN6", "CUST1", "paypal", "completed", "10.00", "2024-01-01 11:15:01", "1")
                // another customer's transaction never counts
                .payment("TXN7", "CUST2", "paypal", "completed", "10.00", "2024-01-01 10:50:00", "1"));

        assertThat(rows.get("TXN4")).containsEntry("is_velocity_burst", false);
        assertThat(rows.get("TXN5")).containsEntry("is_velocity_burst", true); // TXN1 at exactly t − 1 h counts
        assertThat(rows.get("TXN6")).containsEntry("is_velocity_burst", false); // 10:15:00 is 1 h 1 s before
    }

    @Test
    void velocityBurstCountsTransactionsAtTheSameTimeEvenWithAGreaterId() {
        Map<String, Map<String, Object>> rows = analysisById(TestSeeds.in(dir)
                .payment("TXN1", "CUST1", "paypal", "completed", "10.00", "2024-01-01 10:30:00", "1")
                .payment("TXN2", "CUST1", "paypal", "completed", "10.00", "2024-01-01 11:00:00", "1")
                .payment("TXN3", "CUST1", "paypal", "completed", "10.00", "2024-01-01 11:00:00", "1")
                .payment("TXN4", "CUST1", "paypal", "completed", "10.00", "2024-01-01 11:00:00", "1")
                .payment("TXN5", "CUST1", "paypal", "completed", "10.00", "2024-01-01 11:00:00", "1"));

        assertThat(rows.get("TXN1")).containsEntry("is_velocity_burst", false);
        assertThat(rows.get("TXN2")).containsEntry("is_velocity_burst", true)
                .containsEntry("customer_total_transactions", 2L); // as-of figures stop at this one
    }

    @Test
    void unusualLargeComparesWithTheAverageOfEarlierTransactionsOnly() {
        Map<String, Map<String, Object>> rows = analysisById(TestSeeds.in(dir)
                .payment("TXN1", "CUST1", "paypal", "completed", "100.00", "2024-01-01 10:00:00", "1")
                .payment("TXN2", "CUST1", "paypal", "completed", "10.00", "2024-02-01 10:00:00", "1")
                .payment("TXN3", "CUST1", "paypal", "completed", "165.00", "2024-03-01 10:00:00", "1")
                .payment("TXN4", "CUST1", "paypal", "completed", "275.01", "2024-03-01 11:00:00", "1"));

        assertThat(rows.get("TXN1")).containsEntry("is_unusual_large_transaction", false); // no earlier one
        assertThat(rows.get("TXN2")).containsEntry("is_unusual_large_transaction", false);
        assertThat(rows.get("TXN3")).containsEntry("is_unusual_large_transaction", false); // exactly 3 × 55
        assertThat(rows.get("TXN4")).containsEntry("is_unusual_large_transaction", true); // > 3 × 91.666…
    }

    @Test
    void asOfFiguresFollowEventTimeNotFileOrder() {
        Map<String, Map<String, Object>> rows = analysisById(TestSeeds.in(dir)
                .payment("TXN3", "CUST1", "paypal", "failed", "30.00", "2024-01-03 10:00:00", "1")
                .payment("TXN1", "CUST1", "paypal", "completed", "10.00", "2024-01-01 10:00:00", "1")
                .payment("TXN2", "CUST1", "paypal", "failed", "", "2024-01-02 10:00:00", "1"));

        assertThat(rows.get("TXN1"))
                .containsEntry("customer_total_transactions", 1L)
                .containsEntry("customer_failed_transactions", 0L)
                .containsEntry("customer_avg_transaction_amount", 10.0)
                .containsEntry("is_high_failure_rate_customer", false);
        assertThat(rows.get("TXN2"))
                .containsEntry("customer_total_transactions", 2L)
                .containsEntry("customer_successful_transactions", 1L)
                .containsEntry("customer_failed_transactions", 1L)
                .containsEntry("customer_avg_transaction_amount", 10.0) // a NULL amount is not averaged
                .containsEntry("customer_max_transaction_amount", new BigDecimal("10.00"))
                .containsEntry("is_high_failure_rate_customer", true)
                .containsEntry("net_amount", null);
        assertThat(rows.get("TXN3"))
                .containsEntry("customer_total_transactions", 3L)
                .containsEntry("customer_avg_transaction_amount", 20.0)
                .containsEntry("customer_max_transaction_amount", new BigDecimal("30.00"));
    }

    @Test
    void perTransactionColumns() {
        Map<String, Map<String, Object>> rows = analysisById(TestSeeds.in(dir)
                // 2024-01-07 is a Sunday
                .payment("TXN1", "CUST1", "credit_card", "completed", "100.00", "2024-01-07 23:59:59", "80")
                .payment("TXN2", "CUST1", "apple_pay", "refunded", "50.00", "2024-01-08 00:00:00", "79.99")
                .payment("TXN3", "CUST1", "bank_transfer", "failed", "50.00", "2024-01-09 00:00:00", "")
                .paymentLine("TXN4,ORD1,CUST1,,pending,20.00,USD,2024-01-10 00:00:00,05,0.60,MERCH0001,US,1"));

        assertThat(rows.get("TXN1"))
                .containsEntry("transaction_date", LocalDate.of(2024, 1, 7))
                .containsEntry("transaction_hour", 23)
                .containsEntry("transaction_day_of_week", 7)
                .containsEntry("is_successful", true)
                .containsEntry("is_failed", false)
                .containsEntry("is_high_risk", true)
                .containsEntry("net_amount", new BigDecimal("99.00"))
                .containsEntry("payment_method_risk_category", "low_risk")
                .containsEntry("risk_score", 80.0)
                .containsOnlyKeys(PaymentOracle.ANALYSIS_LAYOUT.columns());
        assertThat(rows.get("TXN2"))
                .containsEntry("transaction_day_of_week", 1)
                .containsEntry("transaction_hour", 0)
                .containsEntry("is_refunded", true)
                .containsEntry("is_high_risk", false)
                .containsEntry("payment_method_risk_category", "medium_risk");
        assertThat(rows.get("TXN3"))
                .containsEntry("is_failed", true)
                .containsEntry("is_high_risk", false) // NULL risk score
                .containsEntry("payment_method_risk_category", "high_risk");
        assertThat(rows.get("TXN4"))
                .containsEntry("payment_method_risk_category", "high_risk") // NULL method
                .containsEntry("processor_response_code", "05")
                .containsEntry("is_successful", false);
    }

    @Test
    void customerProfileOverAllTransactions() {
        List<Map<String, Object>> profiles = TestSeeds.in(dir)
                .payment("TXN1", "CUST1", "credit_card", "completed", "100.00", "2024-01-01 10:00:00", "80")
                .payment("TXN2", "CUST1", "paypal", "completed", "50.50", "2024-01-02 10:00:00", "10")
                .payment("TXN3", "CUST1", "paypal", "failed", "300.00", "2024-01-03 10:00:00", "95")
                .payment("TXN4", "CUST2", "paypal", "failed", "20.00", "2024-01-03 10:00:00", "")
                .oracle().customerPaymentProfile();
        Map<String, Map<String, Object>> byCustomer = profiles.stream()
                .collect(Collectors.toMap(p -> (String) p.get("customer_id"), Function.identity()));

        assertThat(byCustomer.get("CUST1"))
                .containsEntry("total_transactions", 3L)
                .containsEntry("successful_transactions", 2L)
                .containsEntry("failed_transactions", 1L)
                .containsEntry("high_risk_transactions", 2L)
                .containsEntry("avg_amount", 450.5 / 3)
                .containsEntry("max_amount", new BigDecimal("300.00"))
                .containsEntry("total_successful_amount", new BigDecimal("150.50"))
                .containsEntry("distinct_payment_methods", 2L)
                .containsOnlyKeys(PaymentOracle.PROFILE_LAYOUT.columns());
        assertThat(byCustomer.get("CUST2"))
                .containsEntry("total_successful_amount", new BigDecimal("0.00"))
                .containsEntry("high_risk_transactions", 0L);
    }

    private Map<String, Map<String, Object>> analysisById(TestSeeds seeds) {
        return seeds.oracle().paymentAnalysis().stream()
                .collect(Collectors.toMap(r -> (String) r.get("transaction_id"), Function.identity()));
    }
}
