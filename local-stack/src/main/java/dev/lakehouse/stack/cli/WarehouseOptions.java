package dev.lakehouse.stack.cli;

import dev.lakehouse.iceberg.S3Options;
import dev.lakehouse.stack.ObjectStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --warehouse} and the object-storage options, the same for every command that works on a warehouse: a local
 * folder, or an {@code s3://bucket/prefix} whose stack state (catalog database, Kafka logs, checkpoints) is kept in a
 * local folder named after it, so that {@code demo} and {@code sql} on the same URI meet.
 */
public final class WarehouseOptions {

    @Option(names = "--warehouse", description = "Where the tables live: a folder, or s3://bucket/prefix on S3-compatible "
            + "storage with the --s3-* options (default: .lakehouse/warehouse).")
    String warehouse;

    @Option(names = "--state-dir", description = "For an s3:// warehouse: the local folder of the stack's own state "
            + "(catalog database, Kafka logs, checkpoints) (default: .lakehouse/s3/<bucket>/<prefix>).")
    Path stateDir;

    @Mixin
    S3Options s3 = new S3Options();

    /** The resolved warehouse; fails with a message a user can act on when the options do not fit together. */
    public Resolved resolve(Map<String, String> environment) {
        if (warehouse != null && ObjectStore.isLocation(warehouse)) {
            ObjectStore store = ObjectStore.of(warehouse, s3.storage(environment), s3.credentialsFile());
            Path local = stateDir != null ? stateDir : store.localStateUnder(ProjectLayout.home().resolve(".lakehouse"));
            return new Resolved(local.toAbsolutePath().normalize(), Optional.of(store));
        }
        if (stateDir != null) {
            throw new IllegalArgumentException("--state-dir is for an s3:// --warehouse; a local warehouse keeps its state inside");
        }
        if (s3.given()) {
            throw new IllegalArgumentException("the --s3-* options describe object storage: give an s3://bucket/prefix "
                    + "--warehouse with them");
        }
        Path folder = warehouse == null ? ProjectLayout.defaultWarehouse() : Path.of(warehouse);
        return new Resolved(folder.toAbsolutePath().normalize(), Optional.empty());
    }

    /**
     * @param localDir the warehouse folder, or the local folder of an object-store warehouse (its state only)
     * @param objectStore where the tables are, when not in {@code localDir}
     */
    public record Resolved(Path localDir, Optional<ObjectStore> objectStore) {

        /** What to show the user: the URI they gave. */
        public String describe() {
            return objectStore.map(ObjectStore::location).orElse(localDir.toString());
        }
    }
}
