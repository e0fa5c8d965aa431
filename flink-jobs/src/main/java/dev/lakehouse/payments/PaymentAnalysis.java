package dev.lakehouse.payments;

/**
 * One row of {@code silver.payment_analysis}, key transaction_id: the contract columns, the columns derived
 * from the transaction alone, and the customer's figures as of this transaction.
 */
public record PaymentAnalysis(
        PaymentTransaction transaction, PaymentDerivations derivations, CustomerPaymentFigures customer) {

    public String transactionId() {
        return transaction.transactionId();
    }
}
