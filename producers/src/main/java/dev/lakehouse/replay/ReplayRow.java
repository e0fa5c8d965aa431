package dev.lakehouse.replay;

import dev.lakehouse.contract.Source;

/**
 * One valid row, ready to publish: Kafka key and value already encoded.
 *
 * @param columns the {@link dev.lakehouse.contract.ColumnsHeader} value when the file's columns are not the contract's,
 *     else null
 */
record ReplayRow(Source source, long eventTimeMillis, byte[] key, byte[] value, long line, byte[] columns) {}
