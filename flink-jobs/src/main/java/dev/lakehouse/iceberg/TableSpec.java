package dev.lakehouse.iceberg;

import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Everything needed to create a silver or gold table and to point a Flink sink at it.
 *
 * @param upsert written as an upsert on the schema's identifier fields (equality deletes), else append-only
 */
public record TableSpec(TableIdentifier identifier, Schema schema, Map<String, String> properties, boolean upsert) {}
