package dev.lakehouse.iceberg;

/** How a Flink sink writes a table's changelog. */
public enum WriteMode {
    /** INSERT rows only; no delete files. */
    APPEND,
    /**
     * Iceberg's upsert mode on the identifier fields: every INSERT and UPDATE_AFTER also writes an equality delete of
     * its key, so the input needs no retractions. For tables whose keys change again and again (gold, profiles).
     */
    UPSERT,
    /**
     * A changelog with its retractions, on the identifier fields: only UPDATE_BEFORE and DELETE rows write deletes
     * (a position delete when the row was written in the same checkpoint, an equality delete otherwise). For tables
     * whose rows are mostly new keys: in upsert mode each of those carried an equality delete, and as equality
     * deletes apply to every older data file, compaction rewrote the whole table at every run, a cost that grew with
     * the table.
     */
    CHANGELOG
}
