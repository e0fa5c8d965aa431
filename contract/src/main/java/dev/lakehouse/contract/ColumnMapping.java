package dev.lakehouse.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the named columns of a file or record map onto a source's contract columns: the rules of schema evolution.
 *
 * <ul>
 *   <li>Columns are matched by name, in any order.
 *   <li>A column the contract does not know is an <em>extra column</em>: kept, as text, in header order. The bronze
 *       table gains it as an optional string column; no type is inferred (a value that looks like a number today may
 *       not tomorrow, and a wrong guess could not be undone without rewriting the table).
 *   <li>A missing optional contract column reads as empty (NULL).
 *   <li>A missing required contract column (the primary key, the Kafka key, the event time, …) rejects every row with
 *       {@link RejectReason#MISSING_COLUMN}.
 *   <li>A header whose names are blank, repeated, not {@code [a-z][a-z0-9_]*} (at most 64 characters: Trino folds
 *       names to lower case, so a mixed-case column could not be queried), or that reuse a bronze lineage column's
 *       name, rejects every row with {@link RejectReason#BAD_HEADER}.
 * </ul>
 *
 * <p>Immutable and thread-safe once built.
 */
public final class ColumnMapping {
    /** The columns bronze adds to every row: an extra column of the same name would collide with them. */
    public static final Set<String> RESERVED_NAMES =
            Set.of("ingested_at", "source_system", "kafka_topic", "kafka_partition", "kafka_offset", "extra_columns");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final Source source;
    private final List<String> header;
    /** For each contract column, its position in the header, or -1 when the header lacks it. */
    private final int[] contractPositions;
    private final List<String> extraNames;
    private final int[] extraPositions;
    private final ParseResult.Rejected problem;

    private ColumnMapping(Source source, List<String> header, int[] contractPositions, List<String> extraNames,
            int[] extraPositions, ParseResult.Rejected problem) {
        this.source = source;
        this.header = header;
        this.contractPositions = contractPositions;
        this.extraNames = extraNames;
        this.extraPositions = extraPositions;
        this.problem = problem;
    }

    public static ColumnMapping of(Source source, List<String> header) {
        header = List.copyOf(header);
        List<Column> columns = source.columns();
        int[] contractPositions = new int[columns.size()];
        Arrays.fill(contractPositions, -1);
        List<String> extraNames = new ArrayList<>();
        List<Integer> extraPositions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ParseResult.Rejected problem = null;
        if (header.isEmpty()) {
            problem = RowParser.rejected(RejectReason.BAD_HEADER, "the column names are missing or not one CSV record");
        }
        for (int i = 0; i < header.size() && problem == null; i++) {
            String name = header.get(i);
            if (!seen.add(name)) {
                problem = RowParser.rejected(RejectReason.BAD_HEADER, "column '" + name + "' appears twice");
                break;
            }
            int contractIndex = indexOf(columns, name);
            if (contractIndex >= 0) {
                contractPositions[contractIndex] = i;
            } else if (!NAME.matcher(name).matches()) {
                problem = RowParser.rejected(RejectReason.BAD_HEADER, "column name '" + shorten(name)
                        + "' is not a lower-case name of letters, digits and _ (at most 64 characters)");
            } else if (RESERVED_NAMES.contains(name)) {
                problem = RowParser.rejected(RejectReason.BAD_HEADER, "column name '" + name + "' is a bronze lineage column");
            } else {
                extraNames.add(name);
                extraPositions.add(i);
            }
        }
        if (problem == null) {
            List<String> missing = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                if (contractPositions[c] < 0 && columns.get(c).required()) {
                    missing.add(columns.get(c).name());
                }
            }
            if (!missing.isEmpty()) {
                problem = RowParser.rejected(RejectReason.MISSING_COLUMN, "no column " + String.join(", ", missing)
                        + ", which the contract of " + source.sourceName() + " requires");
            }
        }
        return new ColumnMapping(source, header, contractPositions, List.copyOf(extraNames),
                extraPositions.stream().mapToInt(Integer::intValue).toArray(), problem);
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String shorten(String name) {
        return name.length() > 80 ? name.substring(0, 80) + "…" : name;
    }

    public Source source() {
        return source;
    }

    public List<String> header() {
        return header;
    }

    /** Whether the header is exactly the contract's: such rows need no column names on the wire. */
    public boolean isContractHeader() {
        return header.equals(source.header());
    }

    /** The extra columns, in header order. */
    public List<String> extraNames() {
        return extraNames;
    }

    /** Why every row with these column names is rejected, or {@code null} when they are usable. */
    public ParseResult.Rejected problem() {
        return problem;
    }

    /**
     * The fields of one row in the contract's order, "" where the header lacks the column, or a rejection when the row
     * cannot be mapped (a header problem, or a field count other than the header's).
     */
    public ParseResult.Rejected check(List<String> fields) {
        if (problem != null) {
            return problem;
        }
        if (fields.size() != header.size()) {
            return RowParser.rejected(RejectReason.WRONG_COLUMN_COUNT,
                    "expected " + header.size() + " columns (as the row's column names say), got " + fields.size());
        }
        return null;
    }

    /** The contract fields of a row that passed {@link #check(List)}, in contract order; "" for a missing column. */
    public List<String> contractFields(List<String> fields) {
        String[] ordered = new String[contractPositions.length];
        for (int c = 0; c < ordered.length; c++) {
            ordered[c] = contractPositions[c] < 0 ? "" : fields.get(contractPositions[c]);
        }
        return Arrays.asList(ordered);
    }

    /** The extra columns of a row that passed {@link #check(List)}, in header order; an empty field is {@code null}. */
    public Map<String, String> extraValues(List<String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int e = 0; e < extraPositions.length; e++) {
            String value = fields.get(extraPositions[e]);
            values.put(extraNames.get(e), value.isEmpty() ? null : value);
        }
        return values;
    }
}
