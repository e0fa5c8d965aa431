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
        Map<String, String> all = new HashMap<>(properties);
        all.put(CatalogProperties.URI, uri);
        return CatalogLoader.rest(name, NioLocalFileSystem.install(new Configuration()), all);
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
