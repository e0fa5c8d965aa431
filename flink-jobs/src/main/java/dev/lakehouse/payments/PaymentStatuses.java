package dev.lakehouse.payments;

/** The {@code payment_status} values the silver flags look at. */
public final class PaymentStatuses {
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String REFUNDED = "refunded";

    private PaymentStatuses() {}
}
