package dev.lakehouse.seeds;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.lakehouse.contract.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Reads a generated seed file back as rows of fields (header excluded). */
final class SeedFiles {
    private SeedFiles() {}

    static List<List<String>> rows(Path dir, Source source) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(dir.resolve(source.fileName()))) {
            return reader.stream().skip(1).map(CsvRecord::getFields).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> header(Path dir, Source source) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(dir.resolve(source.fileName()))) {
            return reader.iterator().next().getFields();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
