package dev.lakehouse.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * Removes delete files that no longer apply to any live data file.
 *
 * <p>Every upsert commit adds an equality-delete file. Compaction rewrites the data files with those deletes applied
 * and gives the new files the sequence number it started from, so the old delete files apply to nothing any more;
 * but Iceberg's Flink compaction leaves them in the table, and readers still list them. An equality delete applies to
 * data files with a lower data sequence number, a position delete to those with a lower or equal one: once every
 * live data file is newer, the delete file is dangling and can go.
 */
public final class DanglingDeleteFiles {
    private DanglingDeleteFiles() {}

    /** @return the delete files that apply to no live data file of the table's current snapshot */
    public static List<DeleteFile> find(Table table) {
        Snapshot current = table.currentSnapshot();
        if (current == null) {
            return List.of();
        }
        long oldestData = Long.MAX_VALUE;
        for (ManifestFile manifest : current.dataManifests(table.io())) {
            try (ManifestReader<DataFile> files = ManifestFiles.read(manifest, table.io(), table.specs())) {
                for (DataFile file : files) {
                    oldestData = Math.min(oldestData, file.dataSequenceNumber());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<DeleteFile> dangling = new ArrayList<>();
        for (ManifestFile manifest : current.deleteManifests(table.io())) {
            try (ManifestReader<DeleteFile> files = ManifestFiles.readDeleteManifest(manifest, table.io(), table.specs())) {
                for (DeleteFile file : files) {
                    if (appliesToNothing(file, oldestData)) {
                        dangling.add(file.copyWithoutStats());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dangling;
    }

    static boolean appliesToNothing(DeleteFile file, long oldestLiveDataSequence) {
        long sequence = file.dataSequenceNumber();
        return file.content() == FileContent.EQUALITY_DELETES
                ? sequence <= oldestLiveDataSequence
                : sequence < oldestLiveDataSequence;
    }

    /**
     * Removes the dangling delete files in one commit that fails, rather than removes anything, when a concurrent
     * commit changed the table since the files were found.
     *
     * @return how many delete files were removed
     */
    public static int remove(Table table) {
        table.refresh();
        Snapshot base = table.currentSnapshot();
        List<DeleteFile> dangling = find(table);
        if (dangling.isEmpty()) {
            return 0;
        }
        RewriteFiles rewrite = table.newRewrite().validateFromSnapshot(base.snapshotId());
        dangling.forEach(rewrite::deleteFile);
        rewrite.commit();
        return dangling.size();
    }
}
