package dev.lakehouse.iceberg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's file system for {@code file://} warehouses, without two costs per file that buy nothing here.
 *
 * <ul>
 *   <li>Without Hadoop's native library (which a job jar does not ship), {@link RawLocalFileSystem} sets the
 *       permissions of every new file and folder by forking {@code chmod}: a profile of the job showed those
 *       forks, from a JVM of several GB, among its larger costs. Java's own file API does the same in-process.</li>
 *   <li>Hadoop's default {@code LocalFileSystem} adds a {@code .crc} side file to every file, created (and forked
 *       for) the same way. Parquet pages and Iceberg's manifests carry their own checks, and a torn file is
 *       never committed: Iceberg commits only files that were closed.</li>
 * </ul>
 */
public class NioLocalFileSystem extends RawLocalFileSystem {
    /**
     * Makes {@code conf} resolve {@code file://} paths with this class. Hadoop caches one file system per scheme and
     * user for the whole JVM, whatever configuration created it first (the catalog server and the jobs share one in
     * the local stack), so the cache is turned off for {@code file://}: a new instance costs next to nothing.
     */
    public static Configuration install(Configuration conf) {
        conf.set("fs.file.impl", NioLocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }

    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
        String symbolic = permission.getUserAction().SYMBOL + permission.getGroupAction().SYMBOL
                + permission.getOtherAction().SYMBOL;
        Files.setPosixFilePermissions(pathToFile(path).toPath(), PosixFilePermissions.fromString(symbolic));
    }
}
