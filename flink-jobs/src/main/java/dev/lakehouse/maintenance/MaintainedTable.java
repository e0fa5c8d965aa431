package dev.lakehouse.maintenance;

import org.apache.iceberg.catalog.TableIdentifier;

/**
 * A table the maintenance job looks after.
 *
 * @param appendOnly written with inserts only: it never has delete files, so compaction only merges its small files
 *     and can wait longer
 */
public record MaintainedTable(TableIdentifier identifier, boolean appendOnly) {
    public static MaintainedTable appendOnly(TableIdentifier identifier) {
        return new MaintainedTable(identifier, true);
    }

    public static MaintainedTable withDeletes(TableIdentifier identifier) {
        return new MaintainedTable(identifier, false);
    }
}
