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
        return CatalogLoader.rest(name, new Configuration(), all);
    }

    public Catalog open() {
        return loader().loadCatalog();
    }
}
