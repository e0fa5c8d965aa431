package dev.lakehouse.stack.trino;

import dev.lakehouse.iceberg.S3Storage;
import dev.lakehouse.stack.Polling;
import dev.lakehouse.stack.kafka.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Trino (coordinator and worker in one JVM) with an {@code iceberg} catalog on the lakehouse's REST
 * catalog, run as a child process of the stack through Trino's own launcher, on 127.0.0.1 only.
 *
 * <p>Its folder ({@code etc/}, logs, pid file) lives under the given data directory; a server left behind by a
 * killed stack is recognised by its pid file and stopped before a new one starts.
 */
public final class TrinoServer implements AutoCloseable {
    public static final String CATALOG = "iceberg";
    private static final Logger LOG = LoggerFactory.getLogger(TrinoServer.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final String PID_FILE = "lakehouse-trino.pid";

    private final TrinoConfig config;
    private final TrinoDistribution distribution;
    private final JavaRuntimes.JavaRuntime java;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private long launchedAtNanos;
    private volatile boolean ready;

    private TrinoServer(TrinoConfig config, TrinoDistribution distribution, JavaRuntimes.JavaRuntime java, Path dataDir) {
        this.config = config;
        this.distribution = distribution;
        this.java = java;
        this.dataDir = dataDir;
    }

    /**
     * Starts the server process and returns at once: Trino takes 20–40 s to accept queries, so callers overlap that
     * with other work and call {@link #awaitReady(Duration)} when they need it.
     *
     * @param catalogUri the Iceberg REST catalog the {@code iceberg} catalog points at
     */
    public static TrinoServer start(TrinoDistribution distribution, JavaRuntimes.JavaRuntime java, Path dataDir, int port,
            String catalogUri, TrinoSettings settings) throws IOException {
        return start(distribution, java, dataDir, port, catalogUri, Optional.empty(), settings);
    }

    /** @param s3 the object storage holding the tables, when they are not in local folders */
    public static TrinoServer start(TrinoDistribution distribution, JavaRuntimes.JavaRuntime java, Path dataDir, int port,
            String catalogUri, Optional<S3Storage> s3, TrinoSettings settings) throws IOException {
        TrinoConfig config = new TrinoConfig(LoopbackPorts.resolve(port), catalogUri, settings.heap(), settings.queryMaxMemory(),
                dataDir.toAbsolutePath(), s3);
        TrinoServer server = new TrinoServer(config, distribution, java, dataDir.toAbsolutePath());
        server.launch();
        return server;
    }

    private void launch() throws IOException {
        stopLeftover();
        Path etc = dataDir.resolve("etc");
        for (Map.Entry<String, String> file : config.files().entrySet()) {
            Path target = etc.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        Path log = Files.createDirectories(dataDir.resolve("var").resolve("log")).resolve("server.log");
        Files.createDirectories(dataDir.resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(distribution.launcher().toString(), "run",
                "--etc-dir", etc.toString(),
                "--data-dir", dataDir.toString(),
                "--jvm-dir", java.home().toString())
                .directory(distribution.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", java.home().toString());
        builder.environment().putAll(config.environment());
        launchedAtNanos = System.nanoTime();
        process = builder.start();
        Files.writeString(dataDir.resolve(PID_FILE), Long.toString(process.pid()));
        LOG.info("Starting Trino on {} with Java {} (log: {})", uri(), java.feature(), log);
    }

    /** A Trino started by an earlier stack that was killed keeps the port and the data folder: stop it. */
    private void stopLeftover() throws IOException {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(line -> line.contains("trino")
                        || line.contains(distribution.home().toString())).orElse(false));
        if (leftover.isPresent()) {
            LOG.warn("Stopping a Trino left behind by an earlier run (pid {})", leftover.get().pid());
            terminate(leftover.get());
        }
        Files.deleteIfExists(pidFile);
    }

    /** Waits until Trino has finished starting (its catalogs are loaded) and accepts queries. */
    public TrinoServer awaitReady(Duration timeout) throws Exception {
        if (ready) {
            return this;
        }
        Polling.until(timeout, () -> "Trino at " + uri() + " to start; see " + logFile(), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Trino exited with code " + process.exitValue() + " while starting:\n"
                        + tail(logFile(), 40));
            }
            return isReady();
        });
        ready = true;
        LOG.info("Trino ready on {} in {} ms", uri(), (System.nanoTime() - launchedAtNanos) / 1_000_000);
        return this;
    }

    public boolean isReady() {
        return isReady(http, uri());
    }

    /**
     * True when the server at {@code uri} has finished starting, can schedule work and reaches the {@code iceberg}
     * catalog: {@code /v1/info} reports "not starting" a moment before the node registers itself for work.
     */
    static boolean isReady(HttpClient http, URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri.resolve("/v1/info"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().replace(" ", "").contains("\"starting\":false")) {
                return false;
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try (Connection connection = TrinoJdbc.connect(uri); Statement statement = connection.createStatement()) {
            // The node schedules work only once it has announced itself: until then queries fail with "No nodes
            // available to run query", while metadata queries already succeed.
            try (ResultSet nodes = statement.executeQuery("SELECT count(*) FROM system.runtime.nodes WHERE state = 'active'")) {
                if (!nodes.next() || nodes.getLong(1) < 1) {
                    return false;
                }
            }
            statement.execute("SELECT 1");
            statement.execute("SHOW SCHEMAS FROM " + CATALOG);
            return scansATable(statement);
        } catch (SQLException e) {
            LOG.debug("Trino at {} not ready yet: {}", uri, e.getMessage());
            return false;
        }
    }

    /**
     * True when a scan of a table in the iceberg catalog runs to its end, or when the catalog has no table yet. Trino
     * schedules such a scan on the nodes it knows for the catalog, and has refused it ("No nodes available") right
     * after a start while {@code system.runtime.nodes} already listed the node; {@code information_schema} proves
     * nothing here, as it always runs on the coordinator.
     */
    private static boolean scansATable(Statement statement) throws SQLException {
        String table;
        try (ResultSet tables = statement.executeQuery("SELECT table_schema, table_name FROM " + CATALOG
                + ".information_schema.tables WHERE table_schema <> 'information_schema' LIMIT 1")) {
            if (!tables.next()) {
                return true;
            }
            table = CATALOG + ".\"" + tables.getString(1) + "\".\"" + tables.getString(2) + "\"";
        }
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM (SELECT 1 FROM " + table + " LIMIT 1)")) {
            while (rows.next()) {
                // reading to the end is what schedules the scan
            }
        }
        return true;
    }

    public URI uri() {
        return URI.create("http://" + LOOPBACK + ":" + config.port());
    }

    public String jdbcUrl() {
        return TrinoJdbc.url(uri());
    }

    public Path logFile() {
        return dataDir.resolve("var").resolve("log").resolve("server.log");
    }

    /** The JVM's process: the launcher runs Trino in the foreground, as its only child or in its place. */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    @Override
    public void close() throws IOException {
        if (process != null) {
            terminate(process.toHandle());
            process = null;
        }
        Files.deleteIfExists(dataDir.resolve(PID_FILE));
    }

    /** SIGTERM lets Trino shut down cleanly; a process that ignores it for 20 s is killed. */
    private static void terminate(ProcessHandle handle) {
        List<ProcessHandle> tree = handle.descendants().collect(Collectors.toList());
        tree.add(0, handle);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle member : tree) {
            try {
                member.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                member.destroyForcibly();
            }
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
