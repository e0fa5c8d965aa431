package dev.lakehouse.stack.trino;

import dev.lakehouse.stack.ObjectStore;
import dev.lakehouse.stack.Polling;
import dev.lakehouse.stack.RunningStack;
import dev.lakehouse.stack.StackSettings;
import dev.lakehouse.stack.catalog.RestCatalogServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Trino that serves the tables of one warehouse: the running stack's when there is one, otherwise a catalog and
 * Trino started for the caller on that warehouse and stopped on {@link #close()}.
 */
public final class WarehouseTrino implements AutoCloseable {
    private final URI uri;
    private final List<AutoCloseable> owned;

    private WarehouseTrino(URI uri, List<AutoCloseable> owned) {
        this.uri = uri;
        this.owned = owned;
    }

    public URI uri() {
        return uri;
    }

    /** True when this command started its own catalog and Trino. */
    public boolean isStandalone() {
        return !owned.isEmpty();
    }

    public static WarehouseTrino open(Path warehouse, Optional<Path> javaHome, Duration startTimeout, Consumer<String> progress)
            throws Exception {
        return open(warehouse, Optional.empty(), javaHome, startTimeout, progress);
    }

    /**
     * @param warehouse the warehouse folder, or the local state folder of an object-store warehouse
     * @param objectStore where the tables are, when not in {@code warehouse}
     */
    public static WarehouseTrino open(Path warehouse, Optional<ObjectStore> objectStore, Optional<Path> javaHome,
            Duration startTimeout, Consumer<String> progress) throws Exception {
        Optional<RunningStack> running = RunningStack.find(warehouse);
        if (running.isPresent()) {
            String trino = running.get().trino().orElseThrow(() -> new IllegalStateException(
                    "the stack running on " + warehouse + " (pid " + running.get().pid() + ") has no Trino: "
                            + "restart it with a Java 24+ runtime available (see --trino-java-home)"));
            URI uri = URI.create(trino);
            awaitStackTrino(uri, startTimeout, progress);
            return new WarehouseTrino(uri, List.of());
        }
        return startStandalone(warehouse, objectStore, javaHome, startTimeout, progress);
    }

    /** The stack starts Trino in the background: a query right after {@code demo} waits for it. */
    private static void awaitStackTrino(URI uri, Duration timeout, Consumer<String> progress) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        if (!TrinoServer.isReady(http, uri)) {
            progress.accept("Waiting for the stack's Trino at " + uri + " to finish starting…");
            Polling.until(timeout, () -> "the stack's Trino at " + uri, () -> TrinoServer.isReady(http, uri));
        }
    }

    private static WarehouseTrino startStandalone(Path warehouse, Optional<ObjectStore> objectStore, Optional<Path> javaHome,
            Duration startTimeout, Consumer<String> progress) throws Exception {
        if (!Files.isRegularFile(warehouse.resolve(RestCatalogServer.DEFAULT_DB_FILE))) {
            throw new IllegalArgumentException(warehouse + " holds no lakehouse catalog ("
                    + RestCatalogServer.DEFAULT_DB_FILE + " is missing): start one with ./lakehouse demo --warehouse " + warehouse);
        }
        JavaRuntimes.JavaRuntime java = JavaRuntimes.find(JavaRuntimes.TRINO_MINIMUM_FEATURE, javaHome, JavaRuntimes.defaultSearchRoots())
                .orElseThrow(() -> new IllegalStateException("Trino needs Java " + JavaRuntimes.TRINO_MINIMUM_FEATURE
                        + " or newer and none was found; install one (e.g. Temurin 25) or set " + JavaRuntimes.TRINO_JAVA_HOME_ENV));
        TrinoDistribution distribution = TrinoDistribution.prepare(TrinoArtifacts.fromBuild(), progress);
        progress.accept("No stack is running on " + warehouse + ": starting its catalog and Trino for this command (20–40 s)…");
        List<AutoCloseable> owned = new ArrayList<>();
        Path dataDir = Files.createDirectories(StackSettings.stateDirOf(warehouse)).resolve("trino-sql");
        try {
            RestCatalogServer.Builder catalogBuilder = RestCatalogServer.builder(warehouse).port(0);
            objectStore.ifPresent(catalogBuilder::objectStore);
            RestCatalogServer catalog = catalogBuilder.build().start();
            owned.add(catalog);
            TrinoServer trino = TrinoServer.start(distribution, java, dataDir, 0, catalog.uri(),
                    objectStore.map(ObjectStore::storage), TrinoSettings.enabledOn(0).withJavaHome(javaHome));
            owned.add(trino);
            trino.awaitReady(startTimeout);
            return new WarehouseTrino(trino.uri(), owned);
        } catch (Exception e) {
            new WarehouseTrino(null, owned).close();
            throw e;
        }
    }

    /** Stops what this command started (Trino before the catalog it reads through). */
    @Override
    public void close() throws Exception {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
    }
}
