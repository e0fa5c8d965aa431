package dev.lakehouse.replay;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.lakehouse.contract.ColumnMapping;
import dev.lakehouse.contract.ColumnsHeader;
import dev.lakehouse.contract.CsvLineEncoder;
import dev.lakehouse.contract.ParseResult;
import dev.lakehouse.contract.RejectReason;
import dev.lakehouse.contract.RowParser;
import dev.lakehouse.contract.Source;
import dev.lakehouse.contract.TypedRow;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Streams the rows of one seed file. Each row is checked with
 * {@link RowParser}: valid rows come out of {@link #next()}, rows that break the contract go to the
 * {@link RejectedRowHandler} as they are met and never stop the reading.
 *
 * <p>The header is normally exactly the contract's. Another header is accepted when its names are usable
 * ({@link ColumnMapping}): columns are then matched by name, extra columns travel with each row, and every record of
 * the file carries the header as {@link ColumnsHeader} so the bronze job can do the same. A header that lacks a column
 * the contract requires is accepted too, and each of its rows goes to the dead letters as {@code missing_column}
 * (nothing is silently dropped). A header with blank, repeated or unusable names refuses the whole file up front,
 * as before: it is a broken file, not an evolved one.
 *
 * <p>Lenient on purpose: missing or extra fields and stray quotes still give a row (which the parser then
 * rejects), and invalid UTF-8 is decoded to U+FFFD, which the parser rejects as invalid UTF-8.
 */
final class SeedFileReader implements RowSource, AutoCloseable {
    private final Source source;
    private final String fileName;
    private final RejectedRowHandler rejects;
    private final CountingInputStream bytes;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private final UnaryOperator<List<String>> rewrite;
    private final RowParser parser = new RowParser();
    private final CsvLineEncoder encoder = new CsvLineEncoder();
    private long lastLine = 1;
    /** Null for a file with the contract's header: its rows take the unchanged, cheapest path. */
    private ColumnMapping columns;
    private byte[] columnsHeader;

    SeedFileReader(Source source, Path file, RejectedRowHandler rejects) throws IOException {
        this(source, file, rejects, UnaryOperator.identity());
    }

    /** @param rewrite applied to each row's fields before they are checked: the soak feed's per-lap ids and times */
    SeedFileReader(Source source, Path file, RejectedRowHandler rejects, UnaryOperator<List<String>> rewrite) throws IOException {
        this.source = source;
        this.rewrite = rewrite;
        this.fileName = file.getFileName().toString();
        this.rejects = rejects;
        this.bytes = new CountingInputStream(Files.newInputStream(file));
        // InputStreamReader replaces malformed input with U+FFFD instead of failing.
        this.csv = CsvReader.builder()
                .allowMissingFields(true)
                .allowExtraFields(true)
                .allowUnclosedQuote(true)
                .allowExtraCharsAfterClosingQuote(true)
                .ofCsvRecord(new InputStreamReader(bytes, StandardCharsets.UTF_8));
        this.records = csv.iterator();
        try {
            checkHeader();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void checkHeader() {
        List<String> expected = source.header();
        if (!hasNext()) {
            throw new SeedFileException(fileName + ": file is empty; expected the header " + String.join(",", expected));
        }
        List<String> found = records.next().getFields();
        if (!found.isEmpty() && found.get(0).startsWith("\uFEFF")) { // a byte-order mark is not part of the name
            found = new java.util.ArrayList<>(found);
            found.set(0, found.get(0).substring(1));
        }
        if (found.equals(expected)) {
            return;
        }
        ColumnMapping mapping = ColumnMapping.of(source, found);
        if (mapping.problem() != null && mapping.problem().reason() == RejectReason.BAD_HEADER) {
            throw new SeedFileException(fileName + ": the header does not match the data contract for "
                    + source.sourceName() + " (" + mapping.problem().detail() + ")"
                    + "\n  expected: " + String.join(",", expected) + " (and optionally extra columns)"
                    + "\n  found:    " + String.join(",", found));
        }
        columns = mapping;
        columnsHeader = ColumnsHeader.encode(found).getBytes(StandardCharsets.UTF_8);
    }

    /** What differs from the contract's header, for the replay's diagnostics; null when nothing does. */
    String headerNote() {
        if (columns == null) {
            return null;
        }
        if (columns.problem() != null) {
            return columns.problem().describe() + ": every row goes to the dead letters";
        }
        return "columns matched by name" + (columns.extraNames().isEmpty() ? "" : "; extra columns " + columns.extraNames());
    }

    @Override
    public ReplayRow next() {
        while (hasNext()) {
            CsvRecord record = records.next();
            long line = record.getStartingLineNumber();
            lastLine = line;
            // The rewrite (the soak feed's) works on the contract's column positions; soak seeds have the contract's header.
            List<String> fields = rewrite.apply(record.getFields());
            ParseResult result = columns == null ? parser.parseFields(source, fields) : parser.parseFields(columns, fields);
            if (result instanceof ParseResult.Accepted accepted) {
                byte[] value = encoder.encode(fields).getBytes(StandardCharsets.UTF_8);
                if (value.length > RowParser.DEFAULT_MAX_RECORD_BYTES) {
                    reject(RejectReason.OVERSIZED, value.length + " bytes, limit " + RowParser.DEFAULT_MAX_RECORD_BYTES,
                            line, value);
                    continue;
                }
                TypedRow row = accepted.row();
                return new ReplayRow(source, row.eventTimeMillis(), row.kafkaKey().getBytes(StandardCharsets.UTF_8),
                        value, line, columnsHeader);
            }
            ParseResult.Rejected rejected = (ParseResult.Rejected) result;
            reject(rejected.reason(), rejected.detail(), line, encoder.encode(fields).getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    private void reject(RejectReason reason, String detail, long line, byte[] value) {
        rejects.rejected(new DeadLetter(source.sourceName(), reason, detail, fileName, line, value));
    }

    /** Iterator.hasNext with I/O and parse failures turned into an error naming the file and line. */
    private boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | CsvParseException e) {
            throw new SeedFileException(fileName + ": cannot read past line " + lastLine + ": " + e.getMessage(), e);
        }
    }

    String fileName() {
        return fileName;
    }

    Source source() {
        return source;
    }

    long bytesRead() {
        return bytes.bytesRead();
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
