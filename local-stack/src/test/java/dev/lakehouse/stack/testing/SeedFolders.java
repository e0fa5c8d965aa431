package dev.lakehouse.stack.testing;

import de.siegmar.fastcsv.reader.CsvReader;
import dev.lakehouse.contract.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** The committed sample seeds and row counts of seed files. */
public final class SeedFolders {
    private SeedFolders() {}

    /** The repository's {@code seeds/} folder (Failsafe passes its location). */
    public static Path sample() {
        return Path.of(System.getProperty("lakehouse.seeds", "../seeds")).toAbsolutePath().normalize();
    }

    /** Data rows (records after the header) of each source file in a folder. */
    public static Map<Source, Long> rowCounts(Path folder) {
        Map<Source, Long> counts = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            Path file = folder.resolve(source.fileName());
            if (!Files.exists(file)) {
                continue;
            }
            try (CsvReader<?> reader = CsvReader.builder().ofCsvRecord(file)) {
                counts.put(source, reader.stream().count() - 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return counts;
    }
}
