package dev.lakehouse.stack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes temporary folders that tests created. */
public final class TempDirs {

    private TempDirs() {
    }

    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(TempDirs::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean up " + dir, e);
        }
    }

    /**
     * Copies {@code from} (when it exists) to a fresh folder under {@code target/}, where it outlives the test's
     * temporary folder: the process logs of a failed integration test, kept for whoever reads the report.
     */
    public static Path keepForReport(Path from, String name) {
        Path to = Path.of("target", "kept-logs", name).toAbsolutePath();
        if (from == null || !Files.isDirectory(from)) {
            return to;
        }
        try (Stream<Path> paths = Files.walk(from)) {
            deleteRecursively(to);
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        }
        return to;
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }
}
