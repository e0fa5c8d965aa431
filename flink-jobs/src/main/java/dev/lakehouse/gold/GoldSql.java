package dev.lakehouse.gold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a gold query from the classpath, where flink-jobs packages the repository's {@code sql/flink} folder. */
public final class GoldSql {
    private GoldSql() {}

    /** The query text; a trailing semicolon (natural in a .sql file) is dropped, since sqlQuery takes one statement. */
    public static String load(GoldTable table) {
        String resource = table.sqlResource();
        try (InputStream in = GoldSql.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath");
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
