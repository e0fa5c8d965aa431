package dev.lakehouse.stack.trino;

import dev.lakehouse.iceberg.S3Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code etc/} folder of a single-node Trino for the lakehouse: every listener on 127.0.0.1, memory sized to
 * share a small machine with Kafka and Flink, and one {@code iceberg} catalog on the REST catalog.
 */
record TrinoConfig(int port, String catalogUri, String heap, String queryMaxMemory, Path dataDir, Optional<S3Storage> s3) {

    /** Environment variables of the Trino process that carry the S3 keys: the catalog file only names them. */
    static final String ENV_S3_ACCESS_KEY = "LAKEHOUSE_S3_ACCESS_KEY_ID";
    static final String ENV_S3_SECRET_KEY = "LAKEHOUSE_S3_SECRET_ACCESS_KEY";

    /** The S3 keys for the process environment, so they never land in {@code etc/} or on a command line. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        s3.flatMap(S3Storage::accessKey).ifPresent(key -> {
            environment.put(ENV_S3_ACCESS_KEY, key.accessKeyId());
            environment.put(ENV_S3_SECRET_KEY, key.secretAccessKey());
        });
        return environment;
    }

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
        // The node selector says which nodes it saw only at DEBUG, and only when it refuses a query ("No nodes
        // available"): the one line that explains that error.
        files.put("log.properties", lines("io.trino=INFO", "io.trino.execution.scheduler.UniformNodeSelector=DEBUG"));
        List<String> catalog = new ArrayList<>(List.of(
                "connector.name=iceberg",
                "iceberg.catalog.type=rest",
                "iceberg.rest-catalog.uri=" + catalogUri,
                // Tables live under file:/// locations: Trino's native local file system maps them from the root.
                "fs.native-local.enabled=true",
                "local.location=/"));
        s3.ifPresent(storage -> catalog.addAll(s3Lines(storage)));
        files.put("catalog/" + TrinoServer.CATALOG + ".properties", lines(catalog.toArray(String[]::new)));
        return files;
    }

    private static List<String> s3Lines(S3Storage storage) {
        List<String> lines = new ArrayList<>(List.of(
                "fs.native-s3.enabled=true",
                "s3.region=" + storage.region(),
                "s3.path-style-access=" + storage.pathStyleAccess()));
        storage.endpointUrl().ifPresent(url -> lines.add("s3.endpoint=" + url));
        if (storage.accessKey().isPresent()) {
            lines.add("s3.aws-access-key=${ENV:" + ENV_S3_ACCESS_KEY + "}");
            lines.add("s3.aws-secret-key=${ENV:" + ENV_S3_SECRET_KEY + "}");
        }
        return lines;
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
