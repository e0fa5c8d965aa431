package dev.lakehouse.contract;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The Kafka header that names a record's columns. A record without it has the contract's columns in the contract's
 * order (the common case, which stays as cheap as before); a producer whose file has another header (added columns,
 * a missing one) sends that header, as one CSV line, with every record of the file, and the bronze job maps the
 * values by name ({@link ColumnMapping}).
 */
public final class ColumnsHeader {
    public static final String NAME = "lakehouse.columns";

    private static final CsvReader.CsvReaderBuilder CSV = CsvReader.builder().allowUnclosedQuote(false);

    private ColumnsHeader() {}

    public static String encode(List<String> columns) {
        return new CsvLineEncoder().encode(columns);
    }

    /** The column names of a header value; a value that is not one CSV record gives an empty list (a bad header). */
    public static List<String> decode(String line) {
        try (CsvReader<CsvRecord> reader = CSV.ofCsvRecord(line)) {
            var records = reader.iterator();
            if (!records.hasNext()) {
                return List.of();
            }
            List<String> names = records.next().getFields();
            return records.hasNext() ? List.of() : names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
