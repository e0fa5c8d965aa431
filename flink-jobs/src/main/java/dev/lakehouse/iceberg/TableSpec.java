package dev.lakehouse.iceberg;

import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * What it takes to create a table and point a Flink sink at it.
 *
 * @param writeMode how the sink writes; UPSERT and CHANGELOG key on the schema's identifier fields
 */
public record TableSpec(TableIdentifier identifier, Schema schema, Map<String, String> properties, WriteMode writeMode) {}
