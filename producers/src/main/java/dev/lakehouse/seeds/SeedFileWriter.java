package dev.lakehouse.seeds;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.lakehouse.contract.Source;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one seed file: the contract header, then rows in the order given. It assigns the primary key
 * ({@code prefix} + a running number) as rows are written, so file order and key order agree and rows
 * with the same event time are ordered by primary key.
 */
final class SeedFileWriter implements AutoCloseable {
    private final Source source;
    private final String keyPrefix;
    private final int keyDigits;
    private final CsvWriter csv;
    private long rows;

    SeedFileWriter(Path directory, Source source, String keyPrefix, int keyDigits) throws IOException {
        this.source = source;
        this.keyPrefix = keyPrefix;
        this.keyDigits = keyDigits;
        // LF line ends: files stay byte-identical through git on every platform.
        this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(directory.resolve(source.fileName())), StandardCharsets.UTF_8),
                1 << 20));
        csv.writeRecord(source.header());
    }

    /** Sets the primary key field and writes the row. */
    void write(String[] fields) {
        fields[source.primaryKeyIndex()] = SeedFormats.padded(keyPrefix, ++rows, keyDigits);
        csv.writeRecord(fields);
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
