package dev.lakehouse.badinput;

import dev.lakehouse.contract.Column;
import dev.lakehouse.contract.ColumnType;
import dev.lakehouse.contract.CsvLineEncoder;
import dev.lakehouse.contract.ImpossibleValues;
import dev.lakehouse.contract.RejectReason;
import dev.lakehouse.contract.Source;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every way a record on a source topic can be bad, each with the one constructor of its raw bytes and what the bronze
 * job must do with it: reject it with a reason ({@code bronze.rejected_records}), or keep it (the values are impossible
 * but the contract keeps them; see {@link ImpossibleValues}). Row-shaped kinds start from a valid row
 * ({@link GoodRows}) and break exactly one thing.
 *
 * <p>The contract has no boolean columns, and enumerated columns are strings to it: an unknown enum value is kept
 * ({@link #UNKNOWN_ENUM_VALUE}). The unparseable kinds cover every typed column type the contract uses: int, decimal,
 * double, timestamp, date.
 */
public enum BadRecordKind {
    EMPTY_VALUE(RejectReason.EMPTY_RECORD) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            return new byte[0];
        }
    },
    /** A Kafka tombstone: a record without a value at all. */
    NULL_VALUE(RejectReason.EMPTY_RECORD) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            return null;
        }
    },
    /** 5 MiB of printable text; at most once per source and run, since it is about bytes, not count. */
    HUGE_5MB(RejectReason.OVERSIZED) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            byte[] value = new byte[HUGE_BYTES];
            for (int i = 0; i < value.length; i++) {
                value[i] = (byte) (' ' + context.random().nextInt(95));
            }
            return value;
        }
    },
    /** A valid row padded to one byte over the size limit. */
    ONE_BYTE_OVER_LIMIT(RejectReason.OVERSIZED) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            return padded(source, context, context.maxRecordBytes() + 1);
        }
    },
    /** A valid row padded to exactly the size limit: kept, the edge of {@link #ONE_BYTE_OVER_LIMIT}. */
    AT_SIZE_LIMIT(null) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            return padded(source, context, context.maxRecordBytes());
        }
    },
    /** Random bytes; the first is 0xFF, which UTF-8 never uses, so no draw decodes by accident. */
    BINARY_GARBAGE(RejectReason.INVALID_UTF8) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            byte[] value = new byte[1 + context.random().nextInt(2000)];
            context.random().nextBytes(value);
            value[0] = (byte) 0xFF;
            return value;
        }
    },
    /** A valid row with a lead byte followed by a non-continuation byte (C3 28) inside a text field. */
    INVALID_UTF8_IN_FIELD(RejectReason.INVALID_UTF8) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            List<String> fields = good(source, context);
            int column = GoodRows.freeTextColumn(source);
            fields.set(column, fields.get(column) + MARKER);
            byte[] line = line(fields);
            int at = indexOf(line, MARKER.getBytes(StandardCharsets.US_ASCII));
            line[at] = (byte) 0xC3;
            line[at + 1] = (byte) 0x28;
            return line;
        }
    },
    UNCLOSED_QUOTE(RejectReason.MALFORMED_CSV) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            List<String> fields = good(source, context);
            int column = GoodRows.freeTextColumn(source);
            String text = String.join(",", fields.subList(0, column)) + ",\"" + fields.get(column) + ","
                    + String.join(",", fields.subList(column + 1, fields.size()));
            return text.getBytes(StandardCharsets.UTF_8);
        }
    },
    /** Two valid rows in one value: a record is exactly one CSV record. */
    TWO_ROWS_IN_ONE_RECORD(RejectReason.MALFORMED_CSV) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            String row = new CsvLineEncoder().encode(good(source, context));
            return (row + "\n" + row).getBytes(StandardCharsets.UTF_8);
        }
    },
    TOO_FEW_COLUMNS(RejectReason.WRONG_COLUMN_COUNT) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            List<String> fields = good(source, context);
            int keep = 1 + context.random().nextInt(fields.size() - 1);
            return line(fields.subList(0, keep));
        }
    },
    TOO_MANY_COLUMNS(RejectReason.WRONG_COLUMN_COUNT) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            List<String> fields = good(source, context);
            int extra = 1 + context.random().nextInt(3);
            for (int i = 0; i < extra; i++) {
                fields.add("extra" + i);
            }
            return line(fields);
        }
    },
    MISSING_PRIMARY_KEY(RejectReason.MISSING_PRIMARY_KEY) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            List<String> fields = good(source, context);
            fields.set(source.primaryKeyIndex(), "");
            return line(fields);
        }
    },
    /** The Kafka key column (customer_id or product_id) empty. */
    MISSING_REQUIRED_FIELD(RejectReason.MISSING_REQUIRED_FIELD) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            List<String> fields = good(source, context);
            fields.set(source.kafkaKeyIndex(), "");
            return line(fields);
        }
    },
    UNPARSEABLE_INT(RejectReason.BAD_NUMBER) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            return unparseable(source, context, ColumnType.INT, List.of("12o", "1.5", "2147483648", "1e3", "seven", "--3"));
        }
    },
    UNPARSEABLE_DECIMAL(RejectReason.BAD_NUMBER) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            return unparseable(source, context, ColumnType.DECIMAL,
                    List.of("12x.00", "12.345", "NaN", "1,000.00", "99999999999.00", "$12.00"));
        }
    },
    UNPARSEABLE_DOUBLE(RejectReason.BAD_NUMBER) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            return unparseable(source, context, ColumnType.DOUBLE, List.of("NaN", "Infinity", "0x1p3", "high", "1d", "1.2.3"));
        }
    },
    UNPARSEABLE_TIMESTAMP(RejectReason.BAD_TIMESTAMP) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            return unparseable(source, context, ColumnType.TIMESTAMP, List.of("2024-13-01 00:00:00", "2024-02-30 10:00:00",
                    "2024-03-05T14:07:09Z", "2024-03-05 24:00:00", "1709647629", "yesterday"));
        }
    },
    UNPARSEABLE_DATE(RejectReason.BAD_DATE) {
        @Override
        byte[] value(Source source, BadRecordContext context) {
            return unparseable(source, context, ColumnType.DATE, List.of("2024-02-30", "05/03/2024", "2024-3-5", "20240305"));
        }
    },
    /** A value outside an enumerated domain: the contract types enums as strings, so the row is kept. */
    UNKNOWN_ENUM_VALUE(null) {
        @Override
        boolean appliesTo(Source source) {
            return !GoodRows.enumColumns(source).isEmpty();
        }

        @Override
        byte[] value(Source source, BadRecordContext context) {
            List<String> fields = good(source, context);
            fields.set(source.columnIndex(context.pick(GoodRows.enumColumns(source))), "not_in_the_domain");
            return line(fields);
        }
    },
    NEGATIVE_AMOUNT(RejectReason.NEGATIVE_AMOUNT) {
        @Override
        boolean appliesTo(Source source) {
            return source == Source.PAYMENT_TRANSACTIONS || source == Source.INVENTORY_SNAPSHOTS;
        }

        @Override
        byte[] value(Source source, BadRecordContext context) {
            List<String> fields = good(source, context);
            String column = source == Source.INVENTORY_SNAPSHOTS ? "unit_cost" : context.pick(List.of("amount", "gateway_fee"));
            fields.set(source.columnIndex(column), context.pick(List.of("-0.01", "-120.00", "-99999999.99")));
            return line(fields);
        }
    },
    /** risk_score off 0..100, satisfaction_score off 1..5. */
    SCORE_OUT_OF_RANGE(RejectReason.OUT_OF_RANGE) {
        @Override
        boolean appliesTo(Source source) {
            return source == Source.PAYMENT_TRANSACTIONS || source == Source.SUPPORT_TICKETS;
        }

        @Override
        byte[] value(Source source, BadRecordContext context) {
            List<String> fields = good(source, context);
            if (source == Source.PAYMENT_TRANSACTIONS) {
                fields.set(source.columnIndex("risk_score"), context.pick(List.of("-0.5", "100.01", "250")));
            } else {
                fields.set(source.columnIndex("satisfaction_score"), context.pick(List.of("0", "6", "-1", "10")));
            }
            return line(fields);
        }
    },
    QUANTITY_OUT_OF_RANGE(RejectReason.OUT_OF_RANGE) {
        @Override
        boolean appliesTo(Source source) {
            return source == Source.INVENTORY_SNAPSHOTS;
        }

        @Override
        byte[] value(Source source, BadRecordContext context) {
            List<String> fields = good(source, context);
            fields.set(source.columnIndex(context.pick(List.of("quantity_on_hand", "quantity_reserved", "quantity_available"))),
                    context.pick(List.of("100000000", "-100000000", "2147483647")));
            return line(fields);
        }
    },
    RESPONSE_BEFORE_CREATION(RejectReason.TIME_BEFORE_CREATION) {
        @Override
        boolean appliesTo(Source source) {
            return source == Source.SUPPORT_TICKETS;
        }

        @Override
        byte[] value(Source source, BadRecordContext context) {
            List<String> fields = good(source, context);
            fields.set(source.columnIndex("first_response_timestamp"),
                    GoodRows.TIMESTAMP.format(context.eventTime().minusSeconds(1 + context.random().nextInt(86_400))));
            return line(fields);
        }
    },
    RESOLUTION_BEFORE_CREATION(RejectReason.TIME_BEFORE_CREATION) {
        @Override
        boolean appliesTo(Source source) {
            return source == Source.SUPPORT_TICKETS;
        }

        @Override
        byte[] value(Source source, BadRecordContext context) {
            List<String> fields = good(source, context);
            fields.set(source.columnIndex("resolution_timestamp"),
                    GoodRows.TIMESTAMP.format(context.eventTime().minusDays(1 + context.random().nextInt(30))));
            return line(fields);
        }
    },
    /** On hand below zero and reserved above it: kept, silver calls it out of stock. */
    NEGATIVE_STOCK(null) {
        @Override
        boolean appliesTo(Source source) {
            return source == Source.INVENTORY_SNAPSHOTS;
        }

        @Override
        byte[] value(Source source, BadRecordContext context) {
            List<String> fields = good(source, context);
            fields.set(source.columnIndex("quantity_on_hand"), "-5");
            fields.set(source.columnIndex("quantity_reserved"), "10");
            fields.set(source.columnIndex("quantity_available"), "-15");
            return line(fields);
        }
    },
    /** A gateway fee above the amount: kept, net_amount is negative. */
    FEE_ABOVE_AMOUNT(null) {
        @Override
        boolean appliesTo(Source source) {
            return source == Source.PAYMENT_TRANSACTIONS;
        }

        @Override
        byte[] value(Source source, BadRecordContext context) {
            List<String> fields = good(source, context);
            fields.set(source.columnIndex("amount"), "10.00");
            fields.set(source.columnIndex("gateway_fee"), "25.00");
            return line(fields);
        }
    },
    /** Both after creation, the resolution first: kept, each time is measured from creation. */
    RESOLVED_BEFORE_FIRST_RESPONSE(null) {
        @Override
        boolean appliesTo(Source source) {
            return source == Source.SUPPORT_TICKETS;
        }

        @Override
        byte[] value(Source source, BadRecordContext context) {
            List<String> fields = good(source, context);
            fields.set(source.columnIndex("first_response_timestamp"), GoodRows.TIMESTAMP.format(context.eventTime().plusDays(2)));
            fields.set(source.columnIndex("resolution_timestamp"), GoodRows.TIMESTAMP.format(context.eventTime().plusHours(3)));
            return line(fields);
        }
    };

    public static final int HUGE_BYTES = 5 * 1024 * 1024;
    private static final String MARKER = "@@";

    private final RejectReason reason;

    BadRecordKind(RejectReason reason) {
        this.reason = reason;
    }

    /** The reason bronze rejects it with; empty when the row is kept and lands in its bronze table. */
    public Optional<RejectReason> expectedReason() {
        return Optional.ofNullable(reason);
    }

    public boolean kept() {
        return reason == null;
    }

    /** Whether a record of this kind can be made for the source (an unparseable date needs a date column). */
    boolean appliesTo(Source source) {
        return switch (this) {
            case UNPARSEABLE_INT -> hasColumnOf(source, ColumnType.INT);
            case UNPARSEABLE_DECIMAL -> hasColumnOf(source, ColumnType.DECIMAL);
            case UNPARSEABLE_DOUBLE -> hasColumnOf(source, ColumnType.DOUBLE);
            case UNPARSEABLE_TIMESTAMP -> hasColumnOf(source, ColumnType.TIMESTAMP);
            case UNPARSEABLE_DATE -> hasColumnOf(source, ColumnType.DATE);
            default -> true;
        };
    }

    /** The raw value: null for a record without one. */
    abstract byte[] value(Source source, BadRecordContext context);

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The columns of a type in a source: an unparseable kind breaks one of them, chosen by the seed. */
    static List<Integer> columnsOf(Source source, ColumnType type) {
        List<Column> columns = source.columns();
        return java.util.stream.IntStream.range(0, columns.size()).filter(i -> columns.get(i).type() == type).boxed().toList();
    }

    private static boolean hasColumnOf(Source source, ColumnType type) {
        return !columnsOf(source, type).isEmpty();
    }

    private static byte[] unparseable(Source source, BadRecordContext context, ColumnType type, List<String> values) {
        List<String> fields = good(source, context);
        fields.set(context.pick(columnsOf(source, type)), context.pick(values));
        return line(fields);
    }

    private static byte[] padded(Source source, BadRecordContext context, int size) {
        List<String> fields = good(source, context);
        int column = GoodRows.freeTextColumn(source);
        int missing = size - line(fields).length;
        fields.set(column, fields.get(column) + "x".repeat(missing));
        return line(fields);
    }

    private static List<String> good(Source source, BadRecordContext context) {
        return GoodRows.fields(source, context.primaryKey(), context.eventTime());
    }

    private static byte[] line(List<String> fields) {
        return new CsvLineEncoder().encode(fields).getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalStateException("marker not found");
    }
}
