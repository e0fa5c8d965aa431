package dev.lakehouse.iceberg;

import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;

/** Creates tables once; a second start, or two jobs racing, finds them and leaves them as they are. */
public final class IcebergTables {
    private IcebergTables() {}

    /** Creates whichever of {@code tables} are missing, through a catalog client opened for the purpose. */
    public static void ensureAll(CatalogSettings settings, List<TableSpec> tables) throws Exception {
        ensureAll(settings.loader(), tables);
    }

    /** Creates whichever of {@code tables} are missing, through a catalog client of {@code loader} opened for the purpose. */
    public static void ensureAll(org.apache.iceberg.flink.CatalogLoader loader, List<TableSpec> tables) throws Exception {
        Catalog catalog = loader.loadCatalog();
        try {
            for (TableSpec table : tables) {
                ensure(catalog, table);
            }
        } finally {
            if (catalog instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    public static Table ensure(Catalog catalog, TableSpec table) {
        return ensure(catalog, table.identifier(), table.schema(), table.properties());
    }

    public static Table ensure(Catalog catalog, TableIdentifier id, Schema schema, Map<String, String> properties) {
        if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(id.namespace())) {
            try {
                namespaces.createNamespace(id.namespace());
            } catch (AlreadyExistsException raced) {
                // another job created it in between
            }
        }
        if (catalog.tableExists(id)) {
            return catalog.loadTable(id);
        }
        try {
            return catalog.createTable(id, schema, PartitionSpec.unpartitioned(), properties);
        } catch (AlreadyExistsException raced) {
            return catalog.loadTable(id);
        }
    }
}
