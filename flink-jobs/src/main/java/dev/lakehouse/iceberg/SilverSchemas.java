package dev.lakehouse.iceberg;

import dev.lakehouse.bronze.BronzeTables;
import dev.lakehouse.contract.Source;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.types.Types;

/** Conventions shared by the silver table definitions. */
public final class SilverSchemas {
    public static final Namespace NAMESPACE = Namespace.of("silver");

    /** Computed money: sums and products of decimal(10,2) contract amounts need more digits. */
    public static final int MONEY_PRECISION = 18;
    public static final int MONEY_SCALE = 2;

    /** The contract's own decimal(10,2), kept as bronze types it. */
    public static final int CONTRACT_DECIMAL_PRECISION = 10;
    public static final int CONTRACT_DECIMAL_SCALE = 2;

    static final String UPSERT_ENABLED = "write.upsert.enabled";

    private SilverSchemas() {}

    /**
     * The contract columns of {@code source} exactly as bronze types them (ids 1..n), so a silver table carries the
     * same column names and types. Key columns become required: Iceberg identifier fields may not be null.
     */
    public static List<Types.NestedField> contractFields(Source source, Set<String> keyColumns) {
        return BronzeTables.schema(source).columns().subList(0, source.columns().size()).stream()
                .map(field -> keyColumns.contains(field.name()) ? field.asRequired() : field)
                .toList();
    }

    /** A schema whose identifier fields are the named columns. */
    public static Schema withIdentifier(List<Types.NestedField> fields, List<String> keyColumns) {
        Schema plain = new Schema(fields);
        Set<Integer> ids = new HashSet<>();
        for (String column : keyColumns) {
            ids.add(plain.findField(column).fieldId());
        }
        return new Schema(fields, ids);
    }

    /** A table written in {@code mode}, with {@link #properties} to match. */
    public static TableSpec spec(TableIdentifier identifier, Schema schema, WriteMode mode) {
        return new TableSpec(identifier, schema, properties(mode), mode);
    }

    /** Bronze's properties (format v2, zstd, a commit per checkpoint); upsert tables also write in upsert mode. */
    public static Map<String, String> properties(WriteMode mode) {
        Map<String, String> properties = new HashMap<>(BronzeTables.tableProperties());
        if (mode == WriteMode.UPSERT) {
            properties.put(UPSERT_ENABLED, "true");
        }
        return Map.copyOf(properties);
    }

    public static InternalTypeInfo<RowData> rowTypeInfo(Schema schema) {
        return InternalTypeInfo.of(FlinkSchemaUtil.convert(schema));
    }
}
