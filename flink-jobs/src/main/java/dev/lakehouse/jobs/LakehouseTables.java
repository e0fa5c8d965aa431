package dev.lakehouse.jobs;

import dev.lakehouse.bronze.BronzeTables;
import dev.lakehouse.contract.Source;
import dev.lakehouse.gold.GoldTable;
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

    public static List<TableIdentifier> all() {
        List<TableIdentifier> tables = new ArrayList<>(bronzeAndSilver());
        for (GoldTable table : GoldTable.values()) {
            tables.add(table.identifier());
        }
        return tables;
    }
}
