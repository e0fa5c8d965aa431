package dev.lakehouse.contract;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Checks rows against the contract and types them. The same rules apply in the replay producer (rows read
 * from a file) and in the bronze job (records read from Kafka), so a row means the same in both.
 *
 * <p>Not thread-safe (it reuses a UTF-8 decoder); create one per thread or operator.
 */
public final class RowParser {
    /** Records larger than this are rejected as oversized; seed rows are a few hundred bytes. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024;

    private static final int MAX_DETAIL_VALUE_CHARS = 80;

    private final int maxRecordBytes;
    private final CsvReader.CsvReaderBuilder csv = CsvReader.builder().allowUnclosedQuote(false);
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    public RowParser() {
        this(DEFAULT_MAX_RECORD_BYTES);
    }

    public RowParser(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Parses one Kafka record value: a single CSV record in the source's column order, UTF-8. */
    public ParseResult parseRecord(Source source, byte[] value) {
        return parseRecord(source, null, value);
    }

    /**
     * Parses one Kafka record value whose columns are named by {@code columns} (from its {@link ColumnsHeader});
     * {@code null} means the contract's columns in the contract's order.
     */
    public ParseResult parseRecord(Source source, ColumnMapping columns, byte[] value) {
        if (value == null || value.length == 0) {
            return rejected(RejectReason.EMPTY_RECORD, "record has no value");
        }
        if (value.length > maxRecordBytes) {
            return rejected(RejectReason.OVERSIZED, value.length + " bytes, limit " + maxRecordBytes);
        }
        String text;
        try {
            text = utf8.reset().decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return rejected(RejectReason.INVALID_UTF8, "value is not valid UTF-8");
        }
        return parseLine(source, columns, text);
    }

    /** Parses one CSV record given as text. */
    public ParseResult parseLine(Source source, String line) {
        return parseLine(source, null, line);
    }

    private ParseResult parseLine(Source source, ColumnMapping columns, String line) {
        if (line.isEmpty()) {
            return rejected(RejectReason.EMPTY_RECORD, "record is empty");
        }
        List<String> fields;
        try (CsvReader<CsvRecord> reader = csv.ofCsvRecord(line)) {
            var records = reader.iterator();
            fields = records.next().getFields();
            if (records.hasNext()) {
                return rejected(RejectReason.MALFORMED_CSV, "value holds more than one CSV record");
            }
        } catch (CsvParseException e) {
            return rejected(RejectReason.MALFORMED_CSV, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return columns == null ? parseFields(source, fields) : parseFields(columns, fields);
    }

    /** Checks and types the fields of one row whose columns {@code columns} names, already split. */
    public ParseResult parseFields(ColumnMapping columns, List<String> fields) {
        ParseResult.Rejected unmappable = columns.check(fields);
        if (unmappable != null) {
            return unmappable;
        }
        ParseResult result = parseFields(columns.source(), columns.contractFields(fields));
        if (!(result instanceof ParseResult.Accepted accepted) || columns.extraNames().isEmpty()) {
            return result;
        }
        java.util.Map<String, String> extras = columns.extraValues(fields);
        for (String value : extras.values()) {
            if (value != null && value.indexOf('\uFFFD') >= 0) {
                return rejected(RejectReason.INVALID_UTF8, "field holds an undecodable byte sequence");
            }
        }
        return new ParseResult.Accepted(accepted.row(), extras);
    }

    /** Checks and types the fields of one row, already split. */
    public ParseResult parseFields(Source source, List<String> fields) {
        List<Column> columns = source.columns();
        if (fields.size() != columns.size()) {
            return rejected(RejectReason.WRONG_COLUMN_COUNT,
                    "expected " + columns.size() + " columns, got " + fields.size());
        }
        for (String field : fields) {
            if (field.indexOf('\uFFFD') >= 0) {
                // A file decoded leniently turns invalid bytes into U+FFFD; the contract has no such character.
                return rejected(RejectReason.INVALID_UTF8, "field holds an undecodable byte sequence");
            }
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            Column column = columns.get(i);
            String field = fields.get(i);
            if (field.isEmpty()) {
                if (column.required()) {
                    RejectReason reason = i == source.primaryKeyIndex()
                            ? RejectReason.MISSING_PRIMARY_KEY
                            : RejectReason.MISSING_REQUIRED_FIELD;
                    return rejected(reason, column.name() + " is empty");
                }
                continue;
            }
            try {
                values[i] = typed(column.type(), field);
            } catch (NumberFormatException | ArithmeticException e) {
                return rejected(RejectReason.BAD_NUMBER, describe(column, field));
            } catch (DateTimeException | IndexOutOfBoundsException e) {
                RejectReason reason = column.type() == ColumnType.DATE ? RejectReason.BAD_DATE : RejectReason.BAD_TIMESTAMP;
                return rejected(reason, describe(column, field));
            }
        }
        ParseResult.Rejected impossible = ImpossibleValues.check(source, values);
        return impossible != null ? impossible : new ParseResult.Accepted(new TypedRow(source, values));
    }

    private static Object typed(ColumnType type, String field) {
        return switch (type) {
            case STRING -> field;
            case INT -> Integer.parseInt(field);
            case DOUBLE -> parseFiniteDouble(field);
            case DECIMAL -> parseDecimal(field);
            case TIMESTAMP -> parseTimestamp(field);
            case DATE -> parseDate(field);
        };
    }

    private static double parseFiniteDouble(String field) {
        char last = field.charAt(field.length() - 1);
        // Double.parseDouble also takes "1d", "0x1p3", "NaN" and "Infinity": none of them is a contract number.
        if (!Character.isDigit(last) && last != '.') {
            throw new NumberFormatException(field);
        }
        double value = Double.parseDouble(field);
        if (!Double.isFinite(value) || field.indexOf('x') >= 0 || field.indexOf('X') >= 0) {
            throw new NumberFormatException(field);
        }
        return value;
    }

    private static BigDecimal parseDecimal(String field) {
        BigDecimal value = new BigDecimal(field).setScale(2, java.math.RoundingMode.UNNECESSARY);
        if (value.precision() > 10) {
            throw new NumberFormatException("more than 10 digits: " + field);
        }
        return value;
    }

    /** {@code YYYY-MM-DD HH:MM:SS}, strictly; parsed by hand because it runs for every row at replay speed. */
    static LocalDateTime parseTimestamp(String field) {
        if (field.length() != 19 || field.charAt(10) != ' ' || field.charAt(13) != ':' || field.charAt(16) != ':') {
            throw new DateTimeException("not YYYY-MM-DD HH:MM:SS");
        }
        LocalDate date = parseDate(field.substring(0, 10));
        return date.atTime(digits(field, 11, 13), digits(field, 14, 16), digits(field, 17, 19));
    }

    static LocalDate parseDate(String field) {
        if (field.length() != 10 || field.charAt(4) != '-' || field.charAt(7) != '-') {
            throw new DateTimeException("not YYYY-MM-DD");
        }
        return LocalDate.of(digits(field, 0, 4), digits(field, 5, 7), digits(field, 8, 10));
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit: " + c);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static String describe(Column column, String field) {
        String shown = field.length() > MAX_DETAIL_VALUE_CHARS ? field.substring(0, MAX_DETAIL_VALUE_CHARS) + "…" : field;
        return column.name() + " (" + column.type().name().toLowerCase(java.util.Locale.ROOT) + ") = '" + shown + "'";
    }

    static ParseResult.Rejected rejected(RejectReason reason, String detail) {
        return new ParseResult.Rejected(reason, detail);
    }
}
