package dev.lakehouse.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioLocalFileSystemTest {
    @TempDir
    Path dir;

    @Test
    void fileUrisResolveToItWhenInstalled() throws Exception {
        // FileSystem.get, as Iceberg's HadoopFileIO calls it: Hadoop's JVM-wide cache must not hand out another class.
        FileSystem.get(dir.toUri(), new Configuration());
        assertThat(FileSystem.get(dir.toUri(), NioLocalFileSystem.install(new Configuration()))).isInstanceOf(NioLocalFileSystem.class);
    }

    @Test
    void writesFilesWithTheRequestedPermissionsAndNoChecksumSideFile() throws Exception {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.resolve("nested/data.parquet").toUri());
        try (FileSystem fs = FileSystem.newInstance(dir.toUri(), NioLocalFileSystem.install(new Configuration()));
                FSDataOutputStream out = fs.create(file, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
            out.write(new byte[] {1, 2, 3});
        }

        Path written = dir.resolve("nested/data.parquet");
        assertThat(Files.readAllBytes(written)).containsExactly(1, 2, 3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-r-----");
        try (var files = Files.list(written.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("data.parquet");
        }
    }
}
