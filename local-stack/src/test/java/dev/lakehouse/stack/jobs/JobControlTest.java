package dev.lakehouse.stack.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobControlTest {
    @TempDir
    Path folder;

    @Test
    void aLocalSavepointIsTakenAsAPathOrAFileUri() throws Exception {
        Path savepoint = Files.createDirectories(folder.resolve("savepoint-abc123-def456"));
        Files.writeString(savepoint.resolve("_metadata"), "x");
        assertThat(JobControl.savepointLocation(savepoint.toString())).isEqualTo(savepoint.toString());
        assertThat(JobControl.savepointLocation("file:" + savepoint)).isEqualTo(savepoint.toString());
        assertThat(JobControl.savepointLocation(savepoint.toUri().toString())).isEqualTo(savepoint.toString());
    }

    @Test
    void aFolderWithoutMetadataIsNoSavepoint() {
        assertThatThrownBy(() -> JobControl.savepointLocation(folder.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no savepoint in " + folder);
    }

    @Test
    void aRemoteSavepointIsPassedToFlinkAsGiven() {
        assertThat(JobControl.savepointLocation("s3://bucket/savepoints/savepoint-1")).isEqualTo("s3://bucket/savepoints/savepoint-1");
    }

    @Test
    void onlyTheStackJobsAreNamed() {
        assertThat(JobControl.stackJob("maintenance").flinkName()).isEqualTo("lakehouse-maintenance");
        assertThat(JobControl.stackJob("lakehouse").flinkName()).isEqualTo("lakehouse");
        assertThatThrownBy(() -> JobControl.stackJob("bronze")).hasMessageContaining("give lakehouse, maintenance or a job id");
    }
}
