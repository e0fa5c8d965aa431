package dev.lakehouse.stack.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.lakehouse.jobs.LakehouseJob;
import dev.lakehouse.stack.trino.SqlScript;
import dev.lakehouse.stack.trino.TrinoArtifacts;
import dev.lakehouse.stack.trino.TrinoJdbc;
import dev.lakehouse.stack.trino.TrinoServer;
import dev.lakehouse.stack.trino.WarehouseTrino;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./lakehouse sql}: queries the live tables of a warehouse with Trino and prints CSV, or opens Trino's
 * interactive CLI. Uses the stack running on the warehouse when there is one; otherwise starts the catalog and Trino
 * on it for the duration of the command.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Query the live tables with Trino: prints each result as CSV with a header.",
                "Without a query or --file, opens the interactive Trino CLI.",
                "A query sees the last checkpoint each Flink job committed."})
public final class SqlCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "One SQL statement, e.g. \"SELECT count(*) FROM iceberg.bronze.customer_events\".")
    String query;

    @Option(names = {"-f", "--file"}, description = "Run every statement of this SQL file, e.g. sql/trino/row_counts.sql.")
    Path file;

    @Mixin
    WarehouseOptions warehouse = new WarehouseOptions();

    @Option(names = "--trino-java-home", description = "A Java 24+ runtime for Trino, when no stack is running (default: found automatically).")
    Path trinoJavaHome;

    @Option(names = "--start-timeout", defaultValue = "3m", converter = LakehouseJob.DurationConverter.class,
            description = "How long to wait for Trino to start (default: ${DEFAULT-VALUE}).")
    Duration startTimeout;

    private final PrintStream out;
    private final PrintStream err;

    public SqlCommand() {
        this(System.out, System.err);
    }

    public SqlCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (query != null && file != null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "give either a QUERY or --file, not both");
        }
        List<String> statements = statements();
        WarehouseOptions.Resolved resolved = warehouse.resolve(System.getenv());
        try (WarehouseTrino trino = WarehouseTrino.open(resolved.localDir(), resolved.objectStore(), Optional.ofNullable(trinoJavaHome),
                startTimeout, err::println)) {
            if (statements.isEmpty()) {
                return interactive(trino.uri());
            }
            try (Connection connection = TrinoJdbc.connect(trino.uri())) {
                return run(connection, statements);
            }
        }
    }

    private List<String> statements() throws Exception {
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "SQL file not found: " + file);
            }
            return SqlScript.statements(Files.readString(file));
        }
        return query == null ? List.of() : SqlScript.statements(query);
    }

    /** Runs the statements in order; stops at the first failure, which it reports with its position. */
    private int run(Connection connection, List<String> statements) throws Exception {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i);
            try (Statement statement = connection.createStatement()) {
                Optional<Rows> rows = TrinoJdbc.retryWhileNoNodes(() -> Rows.start(statement, sql));
                if (rows.isPresent()) {
                    if (i > 0) {
                        writer.write(System.lineSeparator());
                    }
                    writeCsv(rows.get(), writer);
                }
            } catch (SQLException e) {
                writer.flush();
                err.printf("Query %d of %d failed: %s%n", i + 1, statements.size(), e.getMessage());
                return 1;
            }
        }
        writer.flush();
        return 0;
    }

    /**
     * A statement's rows, read up to the first: a Trino that just started refuses a scan when it schedules it, which
     * the client learns only from the first {@code next()}, and nothing may be printed before that.
     */
    record Rows(ResultSet resultSet, boolean onFirstRow) {
        /** Empty for a statement without rows (DDL, SET SESSION…). */
        static Optional<Rows> start(Statement statement, String sql) throws SQLException {
            if (!statement.execute(sql)) {
                return Optional.empty();
            }
            ResultSet resultSet = statement.getResultSet();
            return Optional.of(new Rows(resultSet, resultSet.next()));
        }
    }

    /** Values as Trino renders them (timestamps, decimals); NULL as an empty field. */
    static void writeCsv(Rows rows, Writer writer) throws SQLException, IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(writer);
        ResultSet resultSet = rows.resultSet();
        ResultSetMetaData meta = resultSet.getMetaData();
        String[] fields = new String[meta.getColumnCount()];
        for (int c = 0; c < fields.length; c++) {
            fields[c] = meta.getColumnLabel(c + 1);
        }
        csv.writeRecord(fields);
        for (boolean more = rows.onFirstRow(); more; more = resultSet.next()) {
            for (int c = 0; c < fields.length; c++) {
                fields[c] = resultSet.getString(c + 1);
            }
            csv.writeRecord(fields);
        }
        csv.flush();
    }

    /** Trino's own CLI, with the iceberg catalog selected; it runs on this JVM's Java. */
    private int interactive(URI trino) throws Exception {
        Path cli = TrinoArtifacts.fromBuild().requirePresent().cliJar();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", cli.toString(),
                "--server", trino.toString(), "--catalog", TrinoServer.CATALOG, "--user", TrinoJdbc.USER)
                .inheritIO()
                .start();
        return process.waitFor();
    }
}
