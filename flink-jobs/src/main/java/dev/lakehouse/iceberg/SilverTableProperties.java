package dev.lakehouse.iceberg;

import dev.lakehouse.bronze.BronzeTables;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.TableProperties;

/** Table properties of the silver tables: those of bronze, plus upsert for tables keyed by their identifier fields. */
public final class SilverTableProperties {
    private SilverTableProperties() {}

    public static Map<String, String> append() {
        return BronzeTables.tableProperties();
    }

    /** Upsert needs format v2 (equality deletes), which the bronze properties already ask for. */
    public static Map<String, String> upsert() {
        Map<String, String> properties = new HashMap<>(BronzeTables.tableProperties());
        properties.put(TableProperties.UPSERT_ENABLED, "true");
        return Map.copyOf(properties);
    }
}
