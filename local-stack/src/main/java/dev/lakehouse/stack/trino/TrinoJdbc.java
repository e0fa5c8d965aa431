package dev.lakehouse.stack.trino;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JDBC connections to the lakehouse's Trino, with {@code iceberg} as the default catalog. */
public final class TrinoJdbc {
    public static final String USER = "lakehouse";

    /** How long a refused query is tried again, counted from its first refusal, not from its start. */
    public static final Duration NO_NODES_GRACE = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(TrinoJdbc.class);
    private static final Duration RETRY_INTERVAL = Duration.ofMillis(500);

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

    /** A query and the reading of (some of) its rows. */
    @FunctionalInterface
    public interface Query<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code query} again while Trino refuses it for want of a node ({@link #isNoNodesYet}), for up to
     * {@link #NO_NODES_GRACE} after the first refusal. Trino refuses when it schedules the scan, which can be after
     * {@code execute} returned: the refusal then comes from the first {@code next()} of the rows, so {@code query} must
     * include reading the first row. It must not have handed rows on before it fails, or they are handed on twice.
     */
    public static <T> T retryWhileNoNodes(Query<T> query) throws SQLException {
        long deadline = 0;
        while (true) {
            try {
                return query.run();
            } catch (SQLException e) {
                if (!isNoNodesYet(e)) {
                    throw e;
                }
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + NO_NODES_GRACE.toNanos();
                    LOG.info("Trino has no node for the query yet; trying again for up to {} s", NO_NODES_GRACE.toSeconds());
                } else if (now - deadline > 0) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_INTERVAL.toMillis()));
                if (Thread.interrupted()) {
                    throw new SQLException("interrupted while waiting for Trino to find a node", e);
                }
            }
        }
    }

    public static Connection connect(URI server) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        return DriverManager.getConnection(url(server), properties);
    }
}
