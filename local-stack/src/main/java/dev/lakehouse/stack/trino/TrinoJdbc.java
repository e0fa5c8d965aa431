package dev.lakehouse.stack.trino;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** JDBC connections to the lakehouse's Trino, with {@code iceberg} as the default catalog. */
public final class TrinoJdbc {
    public static final String USER = "lakehouse";

    private TrinoJdbc() {}

    public static String url(URI server) {
        return "jdbc:trino://" + server.getHost() + ":" + server.getPort() + "/" + TrinoServer.CATALOG;
    }

    /**
     * True for the error a Trino gives in its first seconds, while its scheduler's view of the nodes lags the node
     * list: the same statement succeeds a moment later.
     */
    public static boolean isNoNodesYet(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("No nodes available to run query");
    }

    public static Connection connect(URI server) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        return DriverManager.getConnection(url(server), properties);
    }
}
