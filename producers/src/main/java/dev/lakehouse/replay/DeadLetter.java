package dev.lakehouse.replay;

import dev.lakehouse.contract.RejectReason;

/**
 * A row that broke the contract, as it goes to the dead-letter topic.
 *
 * @param sourceName the source the file belongs to (also the record key)
 * @param value the row re-encoded as one CSV record, UTF-8
 * @param line the line the row starts on in its file (the header is line 1)
 */
public record DeadLetter(String sourceName, RejectReason reason, String detail, String fileName, long line, byte[] value) {}
