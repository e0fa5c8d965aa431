package dev.lakehouse.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Where a running stack on a warehouse can be reached, written beside its state so that other commands
 * ({@code ./lakehouse sql}) use it instead of starting their own catalog and Trino on the same files.
 *
 * @param pid the stack's process; the file of a stack that was killed is ignored because the process is gone
 * @param trinoUri null when the stack runs without Trino
 * @param lakehouseJobArguments the program arguments the stack runs the lakehouse job with, so that
 *     {@code ./lakehouse jobs start} restarts it (from a savepoint, from a new jar) exactly as the stack would
 * @param maintenanceJobArguments the same for the table-maintenance job
 */
public record RunningStack(long pid, String bootstrapServers, String catalogUri, String dashboardUrl, String trinoUri,
        List<String> lakehouseJobArguments, List<String> maintenanceJobArguments) {
    static final String FILE_NAME = "running-stack.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunningStack {
        // A file written by an older stack has no job arguments: empty, and `jobs start` says to restart the stack.
        lakehouseJobArguments = lakehouseJobArguments == null ? List.of() : List.copyOf(lakehouseJobArguments);
        maintenanceJobArguments = maintenanceJobArguments == null ? List.of() : List.copyOf(maintenanceJobArguments);
    }

    /** Where {@code ./lakehouse jobs stop --savepoint} writes savepoints by default. */
    public static Path savepointDir(Path warehouse) {
        return StackSettings.stateDirOf(warehouse).resolve("flink").resolve("savepoints");
    }

    public Optional<String> trino() {
        return Optional.ofNullable(trinoUri);
    }

    /** The stack running on this warehouse, if its process is alive. */
    public static Optional<RunningStack> find(Path warehouse) {
        Path file = file(StackSettings.stateDirOf(warehouse));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            RunningStack stack = JSON.readValue(file.toFile(), RunningStack.class);
            return ProcessHandle.of(stack.pid()).filter(ProcessHandle::isAlive).map(handle -> stack);
        } catch (IOException e) {
            // Half-written by a stack killed while starting: as good as absent.
            return Optional.empty();
        }
    }

    void write(Path stateDir) {
        try {
            Path temporary = Files.createTempFile(stateDir, FILE_NAME, ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
            Files.move(temporary, file(stateDir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void remove(Path stateDir) throws IOException {
        Files.deleteIfExists(file(stateDir));
    }

    private static Path file(Path stateDir) {
        return stateDir.resolve(FILE_NAME);
    }
}
