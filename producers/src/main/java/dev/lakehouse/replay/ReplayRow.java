package dev.lakehouse.replay;

import dev.lakehouse.contract.Source;

/** One valid row, ready to publish: Kafka key and value already encoded. */
record ReplayRow(Source source, long eventTimeMillis, byte[] key, byte[] value, long line) {}
