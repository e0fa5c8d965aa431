package dev.lakehouse.stack.catalog;

import dev.lakehouse.stack.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.lakehouse.iceberg.NioLocalFileSystem;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Iceberg's reference REST catalog ({@link RESTCatalogServlet} over {@link RESTCatalogAdapter} over a
 * {@link JdbcCatalog} in a SQLite file) hosted in our own Jetty on 127.0.0.1.
 *
 * <p>Why not Iceberg's {@code RESTCatalogServer}: it binds 0.0.0.0 and reads its settings only from
 * environment variables. The wiring below mirrors it (JDBC catalog, {@code jdbc.schema-version=V1},
 * gzip), minus the test-only credential vending.
 *
 * <p>Everything lives in files (SQLite database, metadata JSON, data files), so a restart on the same
 * warehouse keeps every namespace and table.
 */
public final class RestCatalogServer implements AutoCloseable {

    /**
     * The backing catalog's name. JdbcCatalog stores it in every row of its tables, so a different name
     * on a later start would hide all existing tables: never change it.
     */
    public static final String CATALOG_NAME = "lakehouse";

    private static final Logger LOG = LoggerFactory.getLogger(RestCatalogServer.class);
    private static final String LOOPBACK = "127.0.0.1";
    public static final String DEFAULT_DB_FILE = "catalog.db";
    /** How long a stop waits for requests in flight; a catalog request takes well under a second. */
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);

    private final Path warehouse;
    private final Path catalogDb;
    private final Optional<ObjectStore> objectStore;
    /** The port to bind; after the first start the bound one, so that a restart comes back where clients look. */
    private int requestedPort;
    private final Duration startupTimeout;

    private Server httpServer;
    private Catalog backendCatalog;
    private RESTCatalogAdapter adapter;
    private int port;

    private RestCatalogServer(Builder builder) {
        this.warehouse = builder.warehouse.toAbsolutePath().normalize();
        this.catalogDb = (builder.catalogDb != null ? builder.catalogDb : warehouse.resolve(DEFAULT_DB_FILE))
                .toAbsolutePath().normalize();
        this.objectStore = Optional.ofNullable(builder.objectStore);
        this.requestedPort = builder.port;
        this.startupTimeout = builder.startupTimeout;
    }

    public static Builder builder(Path warehouse) {
        return new Builder(warehouse);
    }

    /** Opens the catalog database, starts Jetty and returns once {@code GET /v1/config} answers. */
    public synchronized RestCatalogServer start() {
        if (httpServer != null) {
            throw new IllegalStateException("REST catalog is already running on " + uri());
        }
        long startedAt = System.nanoTime();
        createFolders();
        try {
            backendCatalog = CatalogUtil.buildIcebergCatalog(CATALOG_NAME, catalogProperties(), NioLocalFileSystem.install(new Configuration()));
            adapter = new RESTCatalogAdapter(backendCatalog);
            httpServer = jettyServer(new RESTCatalogServlet(adapter));
            httpServer.start();
            port = ((ServerConnector) httpServer.getConnectors()[0]).getLocalPort();
            awaitAnswering();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("REST catalog failed to start (warehouse " + warehouse
                    + ", database " + catalogDb + ", port " + requestedPort + "): " + e.getMessage(), e);
        }
        LOG.info("Iceberg REST catalog ready on {} (warehouse {}, database {}) in {} ms",
                uri(), warehouseUri(), catalogDb, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        return this;
    }

    /**
     * Stops Jetty and closes the catalog database, then opens both again on the same port and files, as a restart of
     * the catalog service does: clients get refused connections meanwhile and find every table afterwards.
     */
    public synchronized RestCatalogServer restart() {
        requireRunning();
        requestedPort = port;
        close();
        return start();
    }

    /** {@code http://127.0.0.1:<port>}, the value for a client's {@code uri} property. */
    public String uri() {
        requireRunning();
        return "http://" + LOOPBACK + ":" + port;
    }

    public int port() {
        requireRunning();
        return port;
    }

    /** The bound host of the HTTP connector, for checks that nothing listens beyond loopback. */
    public String boundHost() {
        requireRunning();
        return ((ServerConnector) httpServer.getConnectors()[0]).getHost();
    }

    /**
     * Where tables are created: the object store's {@code s3://} location, or the {@code file:///…} URI of the warehouse
     * folder. A bare path would give table locations without a scheme, which Trino rejects ("No factory for location").
     */
    public String warehouseUri() {
        if (objectStore.isPresent()) {
            return objectStore.get().location();
        }
        String uri = warehouse.toUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    public Path warehouse() {
        return warehouse;
    }

    public Path catalogDb() {
        return catalogDb;
    }

    @Override
    public synchronized void close() {
        stopJetty();
        closeQuietly(adapter, "REST catalog adapter");
        if (backendCatalog instanceof AutoCloseable closeable) {
            closeQuietly(closeable, "JDBC catalog");
        }
        adapter = null;
        backendCatalog = null;
    }

    private Map<String, String> catalogProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(CatalogProperties.CATALOG_IMPL, JdbcCatalog.class.getName());
        properties.put(CatalogProperties.URI, "jdbc:sqlite:" + catalogDb);
        // Same as Iceberg's RESTCatalogServer: V1 schema also records views.
        properties.put("jdbc.schema-version", "V1");
        properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouseUri());
        properties.put(CatalogProperties.FILE_IO_IMPL, "org.apache.iceberg.hadoop.HadoopFileIO");
        // The server writes table metadata itself, so it needs the bucket's settings as much as the jobs do.
        objectStore.ifPresent(store -> properties.putAll(store.storage().icebergProperties()));
        return properties;
    }

    private Server jettyServer(RESTCatalogServlet servlet) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(LOOPBACK);
        connector.setPort(requestedPort);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.addServlet(new ServletHolder(servlet), "/*");
        CompressionHandler compression = new CompressionHandler();
        compression.putCompression(new GzipCompression());
        context.insertHandler(compression);
        // A stop waits for the requests in flight, as a catalog service does on SIGTERM. Without it Jetty stops the
        // gzip encoder under a request still writing its answer, and the client gets a truncated response to a commit
        // the catalog has applied.
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(context);
        server.setHandler(graceful);
        server.setStopTimeout(GRACEFUL_STOP.toMillis());
        server.setStopAtShutdown(false);
        return server;
    }

    private void awaitAnswering() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(startupTimeout).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri() + "/v1/config"))
                .timeout(startupTimeout).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /v1/config answered " + response.statusCode() + ": " + response.body());
        }
    }

    private void createFolders() {
        try {
            Files.createDirectories(warehouse);
            Files.createDirectories(catalogDb.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create warehouse folder " + warehouse, e);
        }
    }

    private void stopJetty() {
        if (httpServer == null) {
            return;
        }
        try {
            httpServer.stop();
            LOG.info("Iceberg REST catalog on {}:{} stopped", LOOPBACK, port);
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly", e);
        } finally {
            httpServer = null;
        }
    }

    private static void closeQuietly(AutoCloseable closeable, String what) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Closing the {} failed", what, e);
        }
    }

    private void requireRunning() {
        if (httpServer == null) {
            throw new IllegalStateException("REST catalog is not running; call start() first");
        }
    }

    /** Settings of a {@link RestCatalogServer}; port 0 (default) picks a free loopback port. */
    public static final class Builder {
        private final Path warehouse;
        private Path catalogDb;
        private ObjectStore objectStore;
        private int port;
        private Duration startupTimeout = Duration.ofSeconds(30);

        private Builder(Path warehouse) {
            if (warehouse == null) {
                throw new IllegalArgumentException("Warehouse folder is required");
            }
            this.warehouse = warehouse;
        }

        /** Create tables on this object store instead of in the warehouse folder (which keeps the database). */
        public Builder objectStore(ObjectStore store) {
            this.objectStore = store;
            return this;
        }

        /** SQLite file holding the catalog; default {@code <warehouse>/catalog.db}. */
        public Builder catalogDb(Path file) {
            this.catalogDb = file;
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        public RestCatalogServer build() {
            return new RestCatalogServer(this);
        }
    }
}
