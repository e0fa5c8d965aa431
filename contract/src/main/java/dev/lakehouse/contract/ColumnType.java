package dev.lakehouse.contract;

/** The value types the data contract uses. */
public enum ColumnType {
    STRING,
    /** {@code YYYY-MM-DD HH:MM:SS}, UTC, held as {@link java.time.LocalDateTime}. */
    TIMESTAMP,
    /** {@code YYYY-MM-DD}, held as {@link java.time.LocalDate}. */
    DATE,
    INT,
    /** decimal(10,2), held as {@link java.math.BigDecimal} with scale 2. */
    DECIMAL,
    DOUBLE
}
