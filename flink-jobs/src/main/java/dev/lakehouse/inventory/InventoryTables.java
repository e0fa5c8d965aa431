package dev.lakehouse.inventory;

import dev.lakehouse.contract.Source;
import dev.lakehouse.iceberg.SilverSchemas;
import dev.lakehouse.iceberg.TableSpec;
import dev.lakehouse.iceberg.WriteMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;

/**
 * {@code silver.inventory_health}: the contract columns of the latest snapshot, then the derived columns of
 * {@link InventoryHealth}, flat. Upsert on (product_id, warehouse_id).
 *
 * <p>warehouse_id is optional in the contract but part of the key, and Iceberg identifier fields must be
 * non-null: a snapshot without a warehouse is kept under {@link #UNKNOWN_WAREHOUSE} (one row per product, as
 * a batch GROUP BY would group the NULLs) rather than dropped. The generators never leave it empty.
 */
public final class InventoryTables {
    public static final TableIdentifier INVENTORY_HEALTH = TableIdentifier.of(SilverSchemas.NAMESPACE, "inventory_health");

    public static final String PRODUCT_ID = "product_id";
    public static final String WAREHOUSE_ID = "warehouse_id";
    /** Written as warehouse_id when the snapshot has none. */
    public static final String UNKNOWN_WAREHOUSE = "";

    private static final List<String> KEY = List.of(PRODUCT_ID, WAREHOUSE_ID);

    private InventoryTables() {}

    public static TableSpec inventoryHealth() {
        return SilverSchemas.spec(INVENTORY_HEALTH, schema(), WriteMode.UPSERT);
    }

    public static List<String> equalityColumns() {
        return KEY;
    }

    /** The warehouse_id a snapshot is keyed and written under. */
    public static String warehouseKey(String warehouseId) {
        return warehouseId == null ? UNKNOWN_WAREHOUSE : warehouseId;
    }

    public static Schema schema() {
        List<Types.NestedField> fields = new ArrayList<>(
                SilverSchemas.contractFields(Source.INVENTORY_SNAPSHOTS, Set.copyOf(KEY)));
        int id = fields.size() + 1;
        fields.add(Types.NestedField.required(id++, "stock_status", Types.StringType.get()));
        fields.add(Types.NestedField.optional(id++, "estimated_days_of_inventory", Types.DoubleType.get(),
                "NULL when nothing is available"));
        fields.add(Types.NestedField.required(id++, "needs_reorder", Types.BooleanType.get()));
        fields.add(Types.NestedField.required(id++, "estimated_annual_turns", Types.DoubleType.get()));
        fields.add(Types.NestedField.optional(id++, "inventory_value", money(), "NULL without unit_cost"));
        fields.add(Types.NestedField.optional(id++, "available_inventory_value", money(), "NULL without unit_cost"));
        fields.add(Types.NestedField.required(id, "inventory_risk_level", Types.StringType.get()));
        return SilverSchemas.withIdentifier(fields, KEY);
    }

    private static Types.DecimalType money() {
        return Types.DecimalType.of(SilverSchemas.MONEY_PRECISION, SilverSchemas.MONEY_SCALE);
    }
}
