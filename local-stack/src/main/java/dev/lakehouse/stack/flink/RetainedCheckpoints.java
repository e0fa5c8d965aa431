package dev.lakehouse.stack.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the newest complete checkpoint a previous run left behind, so a restart resumes its state. */
public final class RetainedCheckpoints {
    private RetainedCheckpoints() {}

    /** The newest {@code <job>/chk-N} folder under {@code checkpointRoot} that holds a {@code _metadata} file. */
    public static Optional<Path> latest(Path checkpointRoot) {
        if (!Files.isDirectory(checkpointRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> jobs = Files.list(checkpointRoot)) {
            return jobs.filter(Files::isDirectory)
                    .flatMap(RetainedCheckpoints::completeCheckpoints)
                    .max(Comparator.comparing(RetainedCheckpoints::completedAt));
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
