package dev.lakehouse.stack.trino;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code etc/} folder of a single-node Trino for the lakehouse: every listener on 127.0.0.1, memory sized to
 * share a small machine with Kafka and Flink, and one {@code iceberg} catalog on the REST catalog.
 */
record TrinoConfig(int port, String catalogUri, String heap, String queryMaxMemory, Path dataDir) {

    /** File name under {@code etc/} → content. */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("node.properties", lines(
                "node.environment=lakehouse",
                "node.id=lakehouse-local",
                "node.data-dir=" + dataDir,
                // Without these Trino binds every interface and advertises a non-loopback address.
                "node.bind-ip=127.0.0.1",
                "node.internal-address=127.0.0.1"));
        files.put("config.properties", lines(
                "coordinator=true",
                "node-scheduler.include-coordinator=true",
                "http-server.http.port=" + port,
                "discovery.uri=http://127.0.0.1:" + port,
                "query.max-memory=" + queryMaxMemory,
                "query.max-memory-per-node=" + queryMaxMemory));
        files.put("jvm.config", lines(
                "-server",
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "-XX:G1HeapRegionSize=32M",
                "-XX:+ExplicitGCInvokesConcurrent",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:ReservedCodeCacheSize=256M",
                "-Djdk.attach.allowAttachSelf=true",
                "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + dataDir.resolve("tmp"),
                // Java 25 warns (and will refuse) without these; Trino's own jvm.config carries them too.
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow"));
        files.put("log.properties", lines("io.trino=INFO"));
        files.put("catalog/" + TrinoServer.CATALOG + ".properties", lines(
                "connector.name=iceberg",
                "iceberg.catalog.type=rest",
                "iceberg.rest-catalog.uri=" + catalogUri,
                // Tables live under file:/// locations: Trino's native local file system maps them from the root.
                "fs.native-local.enabled=true",
                "local.location=/"));
        return files;
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
