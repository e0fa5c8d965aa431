package dev.lakehouse.stack.trino;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The full-scan time of each gold table through Trino: every row and column read, deletes applied, as a dashboard
 * reads them. Equality deletes that pile up between compactions show here first.
 */
public final class GoldScans {
    public static final List<String> GOLD_TABLES = List.of("customer_summary", "daily_metrics", "product_summary");

    private GoldScans() {}

    /**
     * One line, e.g. {@code customer_summary 65,234 rows in 812 ms; daily_metrics …}. Each table is read twice and
     * the second read timed: the first read of a fresh Trino also pays for its JIT and metadata caches, which would
     * make a scan at the start of a run look slower than the table is.
     */
    public static String fullScans(Connection connection) throws SQLException {
        List<String> figures = new ArrayList<>();
        for (String table : GOLD_TABLES) {
            readAll(connection, table);
            long start = System.nanoTime();
            long rows = readAll(connection, table);
            figures.add(String.format("%s %,d rows in %d ms", table, rows, (System.nanoTime() - start) / 1_000_000));
        }
        return String.join("; ", figures);
    }

    private static long readAll(Connection connection, String table) throws SQLException {
        long rows = 0;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM iceberg.gold." + table)) {
            while (result.next()) {
                rows++;
            }
        }
        return rows;
    }
}
