package dev.lakehouse.bronze;

import dev.lakehouse.contract.Column;
import dev.lakehouse.contract.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The bronze tables of semantics.md: every contract column, typed, plus lineage; and the dead-letter table.
 * The schemas are derived from {@link Source}, so the contract has one definition.
 */
public final class BronzeTables {
    public static final Namespace NAMESPACE = Namespace.of("bronze");
    public static final String REJECTED_RECORDS = "rejected_records";

    /** Lineage columns appended after the contract columns, in this order. */
    public static final List<String> LINEAGE_COLUMNS =
            List.of("ingested_at", "source_system", "kafka_topic", "kafka_partition", "kafka_offset");

    private BronzeTables() {}

    public static TableIdentifier identifier(Source source) {
        return TableIdentifier.of(NAMESPACE, source.sourceName());
    }

    public static TableIdentifier rejectedRecords() {
        return TableIdentifier.of(NAMESPACE, REJECTED_RECORDS);
    }

    public static Schema schema(Source source) {
        List<Types.NestedField> fields = new ArrayList<>();
        int id = 1;
        for (Column column : source.columns()) {
            Type type = icebergType(column);
            fields.add(column.required()
                    ? Types.NestedField.required(id++, column.name(), type)
                    : Types.NestedField.optional(id++, column.name(), type));
        }
        fields.add(Types.NestedField.required(id++, "ingested_at", Types.TimestampType.withZone()));
        fields.add(Types.NestedField.required(id++, "source_system", Types.StringType.get()));
        fields.add(Types.NestedField.required(id++, "kafka_topic", Types.StringType.get()));
        fields.add(Types.NestedField.required(id++, "kafka_partition", Types.IntegerType.get()));
        fields.add(Types.NestedField.required(id, "kafka_offset", Types.LongType.get()));
        return new Schema(fields);
    }

    /**
     * The schema of a bronze row with extra columns: the table's own columns, then each extra column as an optional
     * string (no type is inferred; see {@link dev.lakehouse.contract.ColumnMapping}). The schema-evolving sink adds the
     * ones the table lacks; field ids here only need to be unique, the sink matches columns by name.
     */
    public static Schema schemaWithExtraColumns(Source source, List<String> extraColumns) {
        Schema base = schema(source);
        List<Types.NestedField> fields = new ArrayList<>(base.columns());
        int id = base.highestFieldId();
        for (String name : extraColumns) {
            fields.add(Types.NestedField.optional(++id, name, Types.StringType.get(), "added by schema evolution"));
        }
        return new Schema(fields);
    }

    public static Schema rejectedRecordsSchema() {
        return new Schema(
                Types.NestedField.optional(1, "source", Types.StringType.get(), "source name, when known"),
                Types.NestedField.required(2, "reason", Types.StringType.get(), "reject reason code"),
                Types.NestedField.optional(3, "detail", Types.StringType.get()),
                Types.NestedField.optional(4, "raw_payload", Types.StringType.get(),
                        "the value, decoded leniently as UTF-8; only its first max-record-bytes bytes when larger"),
                Types.NestedField.optional(5, "raw_size_bytes", Types.IntegerType.get(), "the size of the original value"),
                Types.NestedField.required(6, "rejected_by", Types.StringType.get(), "producer or bronze"),
                Types.NestedField.optional(7, "origin_file", Types.StringType.get()),
                Types.NestedField.optional(8, "origin_line", Types.LongType.get()),
                Types.NestedField.required(9, "kafka_topic", Types.StringType.get()),
                Types.NestedField.required(10, "kafka_partition", Types.IntegerType.get()),
                Types.NestedField.required(11, "kafka_offset", Types.LongType.get()),
                Types.NestedField.optional(12, "kafka_timestamp", Types.TimestampType.withZone()),
                Types.NestedField.required(13, "rejected_at", Types.TimestampType.withZone()));
    }

    /** Created as format v2; written once per checkpoint by the Flink sink. */
    public static Map<String, String> tableProperties() {
        return Map.of(
                "format-version", "2",
                "write.parquet.compression-codec", "zstd",
                // An (empty) commit on every checkpoint lets a reader tell which checkpoint a table has reached,
                // which is how the local stack knows that every replayed row is committed.
                "flink.max-continuous-empty-commits", "1",
                // Most columns are ids, timestamps and free text: dictionary pages rarely pay off, and building them
                // (hashing every value, then falling back) was the largest single cost of writing.
                "parquet.enable.dictionary", "false",
                "write.metadata.delete-after-commit.enabled", "true",
                "write.metadata.previous-versions-max", "20");
    }

    private static Type icebergType(Column column) {
        return switch (column.type()) {
            case STRING -> Types.StringType.get();
            case TIMESTAMP -> Types.TimestampType.withoutZone();
            case DATE -> Types.DateType.get();
            case INT -> Types.IntegerType.get();
            case DECIMAL -> Types.DecimalType.of(10, 2);
            case DOUBLE -> Types.DoubleType.get();
        };
    }
}
