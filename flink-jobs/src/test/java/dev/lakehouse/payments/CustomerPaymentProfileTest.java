package dev.lakehouse.payments;

import static dev.lakehouse.payments.Transactions.CUSTOMER;
import static dev.lakehouse.payments.Transactions.T0;
import static dev.lakehouse.payments.Transactions.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.testing.ContractRows;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerPaymentProfileTest {
    private static final List<PaymentTransaction> TRANSACTIONS = List.of(
            tx("TXN1", T0, "completed", "100.10", 80.0, "credit_card"),
            tx("TXN2", T0.plusDays(1), "completed", "50.05", 79.99, "paypal"),
            tx("TXN3", T0.plusDays(2), "failed", "500.00", 95.0, "paypal"),
            tx("TXN4", T0.plusDays(3), "refunded", "20.00", null, null),
            tx("TXN5", T0.plusDays(4), "completed", null, 1.0, "bank_transfer"));

    @Test
    void summarizesEveryTransaction() {
        PaymentProfileSummary summary = addAll(TRANSACTIONS).toSummary();

        assertThat(summary.customerId()).isEqualTo(CUSTOMER);
        assertThat(summary.totalTransactions()).isEqualTo(5);
        assertThat(summary.successfulTransactions()).isEqualTo(3);
        assertThat(summary.failedTransactions()).isEqualTo(1);
        assertThat(summary.highRiskTransactions()).as("80 and 95; not 79.99 nor a missing score").isEqualTo(2);
        assertThat(summary.avgAmount()).as("over the four amounts, any status").isEqualTo(670.15 / 4);
        assertThat(summary.maxAmount()).isEqualByComparingTo("500.00");
        assertThat(summary.successfulAmountSum()).isEqualTo(new BigDecimal("150.15"));
        assertThat(summary.distinctPaymentMethods()).as("a missing method is not one").isEqualTo(3);
    }

    @Test
    void customerWithoutSuccessOrAmountsHasZeroSumAndNoAverage() {
        PaymentProfileSummary summary = addAll(List.of(tx("TXN1", T0, "failed", null))).toSummary();

        assertThat(summary.successfulAmountSum()).isEqualTo(new BigDecimal("0.00"));
        assertThat(summary.avgAmount()).isNull();
        assertThat(summary.maxAmount()).isNull();
    }

    @Test
    void mergeEqualsAddingEverythingToOneProfile() {
        PaymentProfileSummary expected = addAll(TRANSACTIONS).toSummary();
        for (int split = 0; split <= TRANSACTIONS.size(); split++) {
            CustomerPaymentProfile left = addAll(TRANSACTIONS.subList(0, split));
            CustomerPaymentProfile right = addAll(TRANSACTIONS.subList(split, TRANSACTIONS.size()));

            assertThat(left.merge(right).toSummary()).isEqualTo(expected);
        }
    }

    @Test
    void orderDoesNotMatter() {
        List<PaymentTransaction> reversed = new ArrayList<>(TRANSACTIONS);
        Collections.reverse(reversed);

        assertThat(addAll(reversed).toSummary()).isEqualTo(addAll(TRANSACTIONS).toSummary());
    }

    @Test
    void refusesAnotherCustomersTransaction() {
        CustomerPaymentProfile profile = addAll(TRANSACTIONS);
        PaymentTransaction other = new PaymentTransaction("TXN9", null, "CUST000002", "paypal", "completed",
                BigDecimal.ONE, "USD", T0, "00", null, null, null, null);

        assertThatThrownBy(() -> profile.add(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isAFlinkPojoWithoutKryoFields() {
        ContractRows.assertFlinkPojoWithoutKryo(CustomerPaymentProfile.class);
    }

    private static CustomerPaymentProfile addAll(List<PaymentTransaction> transactions) {
        CustomerPaymentProfile profile = new CustomerPaymentProfile();
        transactions.forEach(profile::add);
        return profile;
    }
}
