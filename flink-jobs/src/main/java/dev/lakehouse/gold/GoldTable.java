package dev.lakehouse.gold;

import org.apache.iceberg.catalog.TableIdentifier;

/** The gold tables: each one SQL file under {@code sql/flink/gold/} and one key column. */
public enum GoldTable {
    CUSTOMER_SUMMARY("customer_summary", "customer_id"),
    DAILY_METRICS("daily_metrics", "metric_date"),
    PRODUCT_SUMMARY("product_summary", "product_id");

    /** Where the SQL files sit on the classpath (flink-jobs packages the repository's {@code sql/flink} there). */
    public static final String SQL_FOLDER = "sql/flink/gold/";

    private final String tableName;
    private final String keyColumn;

    GoldTable(String tableName, String keyColumn) {
        this.tableName = tableName;
        this.keyColumn = keyColumn;
    }

    public String tableName() {
        return tableName;
    }

    /** The upsert key: the table's only identifier field. */
    public String keyColumn() {
        return keyColumn;
    }

    public TableIdentifier identifier() {
        return TableIdentifier.of(GoldTables.NAMESPACE, tableName);
    }

    public String sqlResource() {
        return SQL_FOLDER + tableName + ".sql";
    }
}
