package dev.lakehouse.gold;

import dev.lakehouse.iceberg.SilverSchemas;
import dev.lakehouse.iceberg.TableSpec;
import dev.lakehouse.iceberg.WriteMode;
import java.util.List;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

/**
 * The gold table definitions. Their columns are not written down here: the SQL is the single source of truth,
 * and each schema is converted from the query's resolved schema, so a column added to a query reaches the
 * table without a second edit.
 */
public final class GoldTables {
    public static final Namespace NAMESPACE = Namespace.of("gold");

    private GoldTables() {}

    /**
     * The Iceberg table of {@code table} for a query of {@code resolved} schema: its columns in the query's order
     * and types, the key column required (identifier fields may not be null) and the only identifier field,
     * written in upsert mode.
     */
    public static TableSpec spec(GoldTable table, ResolvedSchema resolved) {
        // ids 1..n in column order, as the silver schemas number theirs (the conversion starts at 0)
        Schema converted = TypeUtil.assignIncreasingFreshIds(FlinkSchemaUtil.convert(resolved));
        if (converted.findField(table.keyColumn()) == null) {
            throw new IllegalStateException(table.sqlResource() + " has no key column " + table.keyColumn());
        }
        List<Types.NestedField> fields = converted.columns().stream()
                .map(field -> field.name().equals(table.keyColumn()) ? field.asRequired() : field)
                .toList();
        Schema schema = SilverSchemas.withIdentifier(fields, List.of(table.keyColumn()));
        return SilverSchemas.spec(table.identifier(), schema, WriteMode.UPSERT);
    }
}
