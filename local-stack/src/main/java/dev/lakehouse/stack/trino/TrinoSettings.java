package dev.lakehouse.stack.trino;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether and how the local stack runs Trino.
 *
 * @param enabled false skips Trino altogether (faster tests that do not query)
 * @param port HTTP port; 0 picks a free one
 * @param javaHome a Java 24+ runtime for Trino; empty searches the usual install locations
 * @param heap the Trino JVM's maximum heap, e.g. {@code 2G}: next to Kafka and Flink on a 2-core, 24 GB machine
 * @param queryMaxMemory memory one query may use across the (single) node, e.g. {@code 1GB}
 */
public record TrinoSettings(boolean enabled, int port, Optional<Path> javaHome, String heap, String queryMaxMemory) {
    public static final int DEFAULT_PORT = 8080;

    public static TrinoSettings enabledOn(int port) {
        return new TrinoSettings(true, port, Optional.empty(), "2G", "1GB");
    }

    public static TrinoSettings disabled() {
        return new TrinoSettings(false, 0, Optional.empty(), "2G", "1GB");
    }

    public TrinoSettings withJavaHome(Optional<Path> home) {
        return new TrinoSettings(enabled, port, home, heap, queryMaxMemory);
    }
}
