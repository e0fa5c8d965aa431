package dev.lakehouse.payments;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Payment transactions for tests: one customer, a card, low risk, unless told otherwise. */
final class Transactions {
    static final String CUSTOMER = "CUST000001";
    static final LocalDateTime T0 = LocalDateTime.of(2024, 6, 1, 12, 0, 0);

    private Transactions() {}

    static PaymentTransaction tx(String id, LocalDateTime time, String status, String amount) {
        return tx(id, time, status, amount, 10.0, "credit_card");
    }

    static PaymentTransaction tx(String id, LocalDateTime time, String status, String amount, Double riskScore,
            String method) {
        BigDecimal value = amount == null ? null : new BigDecimal(amount);
        BigDecimal fee = value == null ? null : new BigDecimal("1.00");
        return new PaymentTransaction(id, "ORD000000001", CUSTOMER, method, status, value, "USD", time, "00", fee,
                "MERCH0001", "US", riskScore);
    }
}
