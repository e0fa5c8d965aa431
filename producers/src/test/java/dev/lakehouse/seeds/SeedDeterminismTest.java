package dev.lakehouse.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.contract.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedDeterminismTest {
    private static final SeedCounts COUNTS = new SeedCounts(4000, 2000, 1000, 800);

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDifferentOnes() throws IOException {
        SeedGeneration.generate(dir.resolve("a"), COUNTS, 7, null);
        SeedGeneration.generate(dir.resolve("b"), COUNTS, 7, null);
        SeedGeneration.generate(dir.resolve("c"), COUNTS, 8, null);
        for (Source source : Source.values()) {
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(source.fileName()));
            assertThat(a).as(source.fileName()).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(source.fileName())));
            assertThat(a).as(source.fileName()).isNotEqualTo(Files.readAllBytes(dir.resolve("c").resolve(source.fileName())));
        }
    }

    @Test
    void handlesEmptyAndLopsidedCounts() throws IOException {
        SeedGeneration.generate(dir.resolve("none"), new SeedCounts(0, 0, 0, 0), 1, null);
        SeedGeneration.generate(dir.resolve("payments-only"), new SeedCounts(0, 500, 0, 50), 1, null);
        assertThat(SeedFiles.rows(dir.resolve("none"), Source.CUSTOMER_EVENTS)).isEmpty();
        assertThat(SeedFiles.rows(dir.resolve("payments-only"), Source.PAYMENT_TRANSACTIONS)).hasSize(500);
        assertThat(SeedFiles.rows(dir.resolve("payments-only"), Source.SUPPORT_TICKETS)).hasSize(50);
    }
}
