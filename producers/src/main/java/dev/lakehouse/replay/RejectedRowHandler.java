package dev.lakehouse.replay;

/** Told about every row that breaks the contract, when the reader meets it. */
@FunctionalInterface
interface RejectedRowHandler {
    void rejected(DeadLetter deadLetter);
}
