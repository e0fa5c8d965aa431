package dev.lakehouse.maintenance;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by table name: each element is one round for that table, which removes its dangling delete files. The rounds
 * come from an endless, rate-limited source (see MaintenanceJob).
 */
final class DanglingDeleteRemover extends KeyedProcessFunction<String, String, String> {
    private static final Logger LOG = LoggerFactory.getLogger(DanglingDeleteRemover.class);

    private final CatalogLoader catalogLoader;
    private transient Catalog catalog;
    private transient Counter removed;

    DanglingDeleteRemover(CatalogLoader catalogLoader) {
        this.catalogLoader = catalogLoader;
    }

    @Override
    public void open(OpenContext context) {
        catalog = catalogLoader.loadCatalog();
        removed = getRuntimeContext().getMetricGroup().counter("danglingDeleteFilesRemoved");
    }

    @Override
    public void processElement(String name, Context context, Collector<String> out) {
        try {
            Table table = catalog.loadTable(TableIdentifier.parse(name));
            int count = DanglingDeleteFiles.remove(table);
            if (count > 0) {
                removed.inc(count);
                LOG.debug("Removed {} dangling delete files from {}", count, name);
                out.collect(name + ": removed " + count + " dangling delete files");
            }
        } catch (CommitFailedException | ValidationException e) {
            // A concurrent commit (the job, compaction) won: the next round finds what is still dangling.
            LOG.debug("Dangling delete removal on {} deferred: {}", name, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Dangling delete removal on {} failed; retrying next round", name, e);
        }
    }

    @Override
    public void close() throws Exception {
        if (catalog instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
