package dev.lakehouse.jobs;

import dev.lakehouse.bronze.BronzeTables;
import dev.lakehouse.contract.Source;
import dev.lakehouse.gold.GoldTable;
import dev.lakehouse.iceberg.TableSpec;
import dev.lakehouse.iceberg.WriteMode;
import dev.lakehouse.maintenance.MaintainedTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.catalog.TableIdentifier;

/** Every table the lakehouse job writes, layer by layer (bronze, silver, gold): what maintenance keeps fast and the stack waits for. */
public final class LakehouseTables {
    private LakehouseTables() {}

    public static List<TableIdentifier> bronze() {
        List<TableIdentifier> tables = new ArrayList<>();
        for (Source source : Source.values()) {
            tables.add(BronzeTables.identifier(source));
        }
        tables.add(BronzeTables.rejectedRecords());
        return tables;
    }

    /** The bronze and silver tables: what {@code --job silver} writes. */
    public static List<TableIdentifier> bronzeAndSilver() {
        List<TableIdentifier> tables = new ArrayList<>(bronze());
        SilverJob.tables().forEach(table -> tables.add(table.identifier()));
        return tables;
    }

    /** The tables {@code job} writes rows to; the maintenance job writes none. */
    public static List<TableIdentifier> writtenBy(LakehouseJob.Job job) {
        return switch (job) {
            case bronze -> bronze();
            case silver -> bronzeAndSilver();
            case lakehouse -> all();
            case maintenance -> throw new IllegalArgumentException("the maintenance job writes no rows");
        };
    }

    /** Every table, and whether it is written with deletes, for the maintenance job. */
    public static List<MaintainedTable> maintained() {
        List<MaintainedTable> tables = new ArrayList<>();
        bronze().forEach(table -> tables.add(MaintainedTable.appendOnly(table)));
        for (TableSpec table : SilverJob.tables()) {
            tables.add(table.writeMode() == WriteMode.APPEND
                    ? MaintainedTable.appendOnly(table.identifier())
                    : MaintainedTable.withDeletes(table.identifier()));
        }
        for (GoldTable table : GoldTable.values()) {
            tables.add(MaintainedTable.withDeletes(table.identifier()));
        }
        return tables;
    }

    public static List<TableIdentifier> all() {
        List<TableIdentifier> tables = new ArrayList<>(bronzeAndSilver());
        for (GoldTable table : GoldTable.values()) {
            tables.add(table.identifier());
        }
        return tables;
    }
}
