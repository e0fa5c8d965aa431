package dev.lakehouse.iceberg;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.CatalogLoader;

/**
 * How the jobs reach the Iceberg REST catalog that Trino uses too.
 *
 * @param name the catalog name inside Flink (not the server's stored catalog name)
 * @param properties extra catalog properties (credentials, FileIO settings), passed through unchanged
 */
public record CatalogSettings(String uri, String name, Map<String, String> properties) implements Serializable {

    /** Iceberg's HTTP client property for the longest wait for a response's next bytes. */
    static final String SOCKET_TIMEOUT_MS = "rest.client.socket-timeout-ms";
    static final String CONNECTION_TIMEOUT_MS = "rest.client.connection-timeout-ms";
    /**
     * The client's defaults are no socket timeout and a three-minute connect timeout. A catalog that restarts while it
     * answers can leave a response unfinished; without a timeout the caller (an Iceberg committer, inside a checkpoint
     * notification) waits for it forever, and the job completes no checkpoint until Flink's ten-minute checkpoint
     * timeout. A catalog call takes well under a second here, so a minute only ever cuts off a lost answer, and the
     * failure restarts the job from its last checkpoint, whose committer finds out what was committed.
     */
    static final String DEFAULT_SOCKET_TIMEOUT_MS = "60000";
    static final String DEFAULT_CONNECTION_TIMEOUT_MS = "10000";

    public CatalogSettings {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("an Iceberg REST catalog URI is required");
        }
        properties = Map.copyOf(properties);
    }

    public static CatalogSettings rest(String uri) {
        return new CatalogSettings(uri, "lakehouse", Map.of());
    }

    public CatalogLoader loader() {
        return CatalogLoader.rest(name, NioLocalFileSystem.install(new Configuration()), clientProperties());
    }

    /** What the REST client is given: the URI, the properties as set, and timeouts unless they set their own. */
    public Map<String, String> clientProperties() {
        Map<String, String> all = new HashMap<>(properties);
        all.put(CatalogProperties.URI, uri);
        all.putIfAbsent(SOCKET_TIMEOUT_MS, DEFAULT_SOCKET_TIMEOUT_MS);
        all.putIfAbsent(CONNECTION_TIMEOUT_MS, DEFAULT_CONNECTION_TIMEOUT_MS);
        return Map.copyOf(all);
    }

    public Catalog open() {
        return loader().loadCatalog();
    }

    /** Secret-bearing properties (S3 keys, tokens, passwords) are masked: settings end up in logs. */
    @Override
    public String toString() {
        Map<String, String> shown = new java.util.TreeMap<>();
        properties.forEach((key, value) -> shown.put(key, isSecret(key) ? "***" : value));
        return "CatalogSettings[uri=" + uri + ", name=" + name + ", properties=" + shown + "]";
    }

    private static boolean isSecret(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("secret") || lower.contains("password") || lower.contains("token") || lower.contains("credential");
    }
}
