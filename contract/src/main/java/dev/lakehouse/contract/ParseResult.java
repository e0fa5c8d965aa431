package dev.lakehouse.contract;

/** The outcome of checking one row against the contract: a typed row, or a rejection with its reason. */
public sealed interface ParseResult {

    record Accepted(TypedRow row) implements ParseResult {}

    /**
     * @param detail what exactly was wrong, for a human reading the dead-letter table
     */
    record Rejected(RejectReason reason, String detail) implements ParseResult {
        public String describe() {
            return reason.code() + ": " + detail;
        }
    }
}
