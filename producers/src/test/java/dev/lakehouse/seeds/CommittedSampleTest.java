package dev.lakehouse.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.contract.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample committed in {@code seeds/} is exactly what the generator makes (see seeds/README.md). */
class CommittedSampleTest {
    /** The repository's seeds folder, seen from the producers module (Surefire's working directory). */
    private static final Path COMMITTED = Path.of("..", "seeds");
    static final SeedCounts SAMPLE = new SeedCounts(5000, 3000, 2000, 2000);

    @TempDir
    Path dir;

    @Test
    void committedSampleIsByteIdenticalToARegeneration() throws IOException {
        SeedGeneration.generate(dir, SAMPLE, 42, null);
        for (Source source : Source.values()) {
            Path committed = COMMITTED.resolve(source.fileName());
            assertThat(committed).as("committed sample file").exists();
            assertThat(Files.readAllBytes(dir.resolve(source.fileName())))
                    .as("%s differs from a regeneration: rerun the command in seeds/README.md", committed)
                    .isEqualTo(Files.readAllBytes(committed));
        }
    }
}
