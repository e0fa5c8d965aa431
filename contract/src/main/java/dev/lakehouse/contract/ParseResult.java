package dev.lakehouse.contract;

/** The outcome of checking one row against the contract: a typed row, or a rejection with its reason. */
public sealed interface ParseResult {

    /**
     * @param extraColumns values of columns the contract does not know, by name in header order (see
     *     {@link ColumnMapping}); empty for a row with the contract's columns
     */
    record Accepted(TypedRow row, java.util.Map<String, String> extraColumns) implements ParseResult {
        public Accepted(TypedRow row) {
            this(row, java.util.Map.of());
        }
    }

    /**
     * @param detail what exactly was wrong, for a human reading the dead-letter table
     */
    record Rejected(RejectReason reason, String detail) implements ParseResult {
        public String describe() {
            return reason.code() + ": " + detail;
        }
    }
}
