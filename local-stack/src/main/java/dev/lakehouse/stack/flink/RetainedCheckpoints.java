package dev.lakehouse.stack.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the newest complete checkpoint or savepoint a previous run left behind, so a restart resumes its state. A job
 * stopped with a savepoint ({@code ./lakehouse jobs stop --savepoint}) has its newest state there, not in its last
 * checkpoint: resuming from the older checkpoint would write the rows in between a second time.
 */
public final class RetainedCheckpoints {
    private RetainedCheckpoints() {}

    /** The newest {@code <job>/chk-N} folder under {@code checkpointRoot} that holds a {@code _metadata} file. */
    public static Optional<Path> latest(Path checkpointRoot) {
        return checkpoints(checkpointRoot).max(Comparator.comparing(RetainedCheckpoints::completedAt));
    }

    /**
     * The newest of the checkpoints under {@code checkpointRoot} and the savepoints ({@code savepoint-…} folders with a
     * {@code _metadata} file) under {@code savepointRoot}.
     */
    public static Optional<Path> latest(Path checkpointRoot, Path savepointRoot) {
        return Stream.concat(checkpoints(checkpointRoot), savepoints(savepointRoot))
                .max(Comparator.comparing(RetainedCheckpoints::completedAt));
    }

    private static Stream<Path> checkpoints(Path checkpointRoot) {
        if (!Files.isDirectory(checkpointRoot)) {
            return Stream.empty();
        }
        try (Stream<Path> jobs = Files.list(checkpointRoot)) {
            return jobs.filter(Files::isDirectory)
                    .flatMap(RetainedCheckpoints::completeCheckpoints)
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> savepoints(Path savepointRoot) {
        if (!Files.isDirectory(savepointRoot)) {
            return Stream.empty();
        }
        try (Stream<Path> children = Files.list(savepointRoot)) {
            return children.filter(p -> p.getFileName().toString().startsWith("savepoint-"))
                    .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> completeCheckpoints(Path jobDir) {
        try (Stream<Path> children = Files.list(jobDir)) {
            return children.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime completedAt(Path checkpoint) {
        try {
            return Files.getLastModifiedTime(checkpoint.resolve("_metadata"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
