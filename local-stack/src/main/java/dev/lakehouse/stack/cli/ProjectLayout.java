package dev.lakehouse.stack.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the launcher's checkout is, and the artifacts the stack takes from it. */
final class ProjectLayout {
    /** Set by the {@code ./lakehouse} launcher to the checkout it runs from. */
    static final String HOME_PROPERTY = "lakehouse.home";
    static final String VERSION = "0.1.0-SNAPSHOT";

    private ProjectLayout() {}

    static Path home() {
        return Path.of(System.getProperty(HOME_PROPERTY, ".")).toAbsolutePath().normalize();
    }

    static Path defaultJobJar() {
        return home().resolve("flink-jobs/target/lakehouse-flink-jobs-" + VERSION + "-job.jar");
    }

    static Path defaultSeeds() {
        return home().resolve("seeds");
    }

    static Path defaultWarehouse() {
        return home().resolve(".lakehouse/warehouse");
    }

    static Path requireFile(Path file, String what, String hint) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " not found: " + file + " (" + hint + ")");
        }
        return file;
    }
}
