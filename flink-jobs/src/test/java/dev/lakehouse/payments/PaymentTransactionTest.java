package dev.lakehouse.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.contract.Source;
import dev.lakehouse.testing.ContractRows;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class PaymentTransactionTest {

    @Test
    void componentsFollowTheContractColumns() {
        ContractRows.assertComponentsFollowContract(PaymentTransaction.class, Source.PAYMENT_TRANSACTIONS);
    }

    @Test
    void fromRowTakesEveryColumnWithItsType() {
        var row = ContractRows.parse(Source.PAYMENT_TRANSACTIONS, "TXN000000001,ORD000000002,CUST000003,paypal,"
                + "completed,120.50,EUR,2024-02-29 23:59:59,00,3.62,MERCH0004,DE,81.5");

        assertThat(PaymentTransaction.fromRow(row)).isEqualTo(new PaymentTransaction("TXN000000001", "ORD000000002",
                "CUST000003", "paypal", "completed", new BigDecimal("120.50"), "EUR",
                LocalDateTime.of(2024, 2, 29, 23, 59, 59), "00", new BigDecimal("3.62"), "MERCH0004", "DE", 81.5));
    }

    @Test
    void emptyFieldsBecomeNull() {
        var row = ContractRows.parse(Source.PAYMENT_TRANSACTIONS,
                "TXN000000001,,CUST000003,,,,,2024-02-29 23:59:59,,,,,");

        PaymentTransaction transaction = PaymentTransaction.fromRow(row);

        assertThat(transaction.amount()).isNull();
        assertThat(transaction.gatewayFee()).isNull();
        assertThat(transaction.riskScore()).isNull();
    }

    @Test
    void rejectsAnotherSource() {
        var row = ContractRows.parse(Source.CUSTOMER_EVENTS,
                "EVT000000001,CUST000042,SESS00000007,page_view,2024-05-01 10:15:30,/,,,,,,");

        assertThatThrownBy(() -> PaymentTransaction.fromRow(row)).isInstanceOf(IllegalArgumentException.class);
    }
}
