package dev.lakehouse.stack.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetainedCheckpointsTest {
    @TempDir
    Path root;

    @Test
    void aSavepointNewerThanTheLastCheckpointIsWhereARestartResumes() throws Exception {
        Path checkpoint = complete(root.resolve("checkpoints/job1/chk-5"), 1000);
        Path savepoint = complete(root.resolve("savepoints/savepoint-abc123-def456"), 2000);
        assertThat(RetainedCheckpoints.latest(root.resolve("checkpoints"), root.resolve("savepoints"))).contains(savepoint);

        Path later = complete(root.resolve("checkpoints/job2/chk-1"), 3000);
        assertThat(RetainedCheckpoints.latest(root.resolve("checkpoints"), root.resolve("savepoints"))).contains(later);
        assertThat(checkpoint).exists();
    }

    @Test
    void anIncompleteSavepointOrAMissingFolderIsIgnored() throws Exception {
        Files.createDirectories(root.resolve("savepoints/savepoint-abc123-def456"));
        Path checkpoint = complete(root.resolve("checkpoints/job1/chk-5"), 1000);
        assertThat(RetainedCheckpoints.latest(root.resolve("checkpoints"), root.resolve("savepoints"))).contains(checkpoint);
        assertThat(RetainedCheckpoints.latest(root.resolve("none"), root.resolve("none-either"))).isEmpty();
    }

    private static Path complete(Path folder, long modifiedMillis) throws Exception {
        Files.createDirectories(folder);
        Path metadata = Files.writeString(folder.resolve("_metadata"), "x");
        Files.setLastModifiedTime(metadata, FileTime.from(Instant.ofEpochMilli(modifiedMillis)));
        return folder;
    }
}
