package dev.lakehouse.payments;

/**
 * Everything {@link PaymentAnalyzer} keeps per customer besides the transactions waiting for the watermark, in one
 * value so that a timer firing reads and writes the customer's state once. A Flink POJO: public no-arg
 * constructor, public fields.
 */
public class CustomerPaymentState {
    public CustomerPaymentHistory history = new CustomerPaymentHistory();
    public CustomerPaymentProfile profile = new CustomerPaymentProfile();
    /** total_transactions of the profile row last written; {@code null} before the first. */
    public Long writtenProfileTotal;

    public CustomerPaymentState() {}

    CustomerPaymentState(CustomerPaymentHistory history, CustomerPaymentProfile profile, Long writtenProfileTotal) {
        this.history = history;
        this.profile = profile;
        this.writtenProfileTotal = writtenProfileTotal;
    }

    /** Every transaction raises total_transactions, so an unchanged total means an unchanged profile row. */
    boolean profileChangedSinceWritten() {
        return profile.totalTransactions > 0
                && (writtenProfileTotal == null || writtenProfileTotal != profile.totalTransactions);
    }
}
