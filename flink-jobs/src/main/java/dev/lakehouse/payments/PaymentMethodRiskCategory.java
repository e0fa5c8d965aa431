package dev.lakehouse.payments;

import java.util.Set;

/** {@code payment_method_risk_category}; a missing or unknown method is high risk ("anything else"). */
public enum PaymentMethodRiskCategory {
    LOW_RISK("low_risk"),
    MEDIUM_RISK("medium_risk"),
    HIGH_RISK("high_risk");

    private static final Set<String> LOW_RISK_METHODS = Set.of("credit_card", "debit_card");
    private static final Set<String> MEDIUM_RISK_METHODS = Set.of("paypal", "apple_pay", "google_pay");

    private final String code;

    PaymentMethodRiskCategory(String code) {
        this.code = code;
    }

    /** The value written to the table. */
    public String code() {
        return code;
    }

    public static PaymentMethodRiskCategory of(String paymentMethod) {
        if (paymentMethod == null) {
            return HIGH_RISK;
        }
        if (LOW_RISK_METHODS.contains(paymentMethod)) {
            return LOW_RISK;
        }
        return MEDIUM_RISK_METHODS.contains(paymentMethod) ? MEDIUM_RISK : HIGH_RISK;
    }
}
