package dev.lakehouse.contract;

/** Why a row or a Kafka record breaks the data contract. The code is what lands in the dead-letter table. */
public enum RejectReason {
    WRONG_COLUMN_COUNT,
    MALFORMED_CSV,
    INVALID_UTF8,
    OVERSIZED,
    EMPTY_RECORD,
    MISSING_PRIMARY_KEY,
    MISSING_REQUIRED_FIELD,
    BAD_NUMBER,
    BAD_TIMESTAMP,
    BAD_DATE,
    UNKNOWN_SOURCE,
    /** The record's column names (see {@link ColumnsHeader}) lack a column the contract requires. */
    MISSING_COLUMN,
    /** The record's column names are unusable: blank, repeated, not a plain lower-case name, or a lineage column. */
    BAD_HEADER,
    /** Parseable, but a value no real event can have: see {@link ImpossibleValues}. */
    NEGATIVE_AMOUNT,
    OUT_OF_RANGE,
    TIME_BEFORE_CREATION;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
