package dev.lakehouse.stack.flink;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One JVM of a {@link FlinkSessionCluster}: a JobManager or a TaskManager, its log files and the pid file by which a
 * later stack recognises it if this one was killed before it could stop it.
 */
public final class FlinkProcess {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final int TAIL_LINES = 40;
    private static final int TAIL_BYTES = 64 * 1024;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path outFile;
    private final Path pidFile;
    private final long startedAtNanos;

    private FlinkProcess(String name, Process process, Path logFile, Path outFile, Path pidFile, long startedAtNanos) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.outFile = outFile;
        this.pidFile = pidFile;
        this.startedAtNanos = startedAtNanos;
    }

    /**
     * Starts {@code command} with its output in {@code <logDir>/<name>.out}; the command itself logs to
     * {@code <logDir>/<name>.log}.
     *
     * <p>The process gets a session of its own where {@code setsid} exists: a Ctrl-C in the terminal then reaches only
     * the stack, which cancels the jobs (keeping their checkpoints) and stops the cluster in order, instead of every
     * Flink JVM dying at once and the supervisor trying to replace them.
     */
    static FlinkProcess launch(String name, List<String> command, Path workDir, Path logDir, Path pidDir) throws IOException {
        Path outFile = logDir.resolve(name + ".out");
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        long startedAt = System.nanoTime();
        Process process = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(outFile.toFile()))
                .start();
        Path pidFile = pidDir.resolve(name + ".pid");
        Files.writeString(pidFile, Long.toString(process.pid()));
        return new FlinkProcess(name, process, logDir.resolve(name + ".log"), outFile, pidFile, startedAt);
    }

    /** The JobManager, or the TaskManager's resource id as the dashboard shows it. */
    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    Process process() {
        return process;
    }

    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedAtNanos);
    }

    long startedAtNanos() {
        return startedAtNanos;
    }

    /** Throws with the end of its logs when the process has exited: for waits on a process that should be starting. */
    void requireAlive(String doing) {
        if (!process.isAlive()) {
            throw new IllegalStateException("Flink " + name + " (pid " + pid() + ") exited with code " + process.exitValue()
                    + " while " + doing + ".\n" + describeLogs());
        }
    }

    /** The last lines of its log and of its console output (JVM errors such as a bad flag only appear there). */
    String describeLogs() {
        return "Last lines of " + logFile + ":\n" + tail(logFile) + "\nLast lines of " + outFile + ":\n" + tail(outFile);
    }

    /** SIGTERM, so Flink runs its shutdown hooks; SIGKILL when it has not exited within {@code grace}. */
    void stop(Duration grace) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        forgetPid();
    }

    /** Waits until the process has exited (after a kill). */
    void awaitExit(Duration timeout) throws InterruptedException, TimeoutException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("Flink " + name + " (pid " + pid() + ") did not exit within " + timeout);
        }
    }

    void forgetPid() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // A stale pid file is harmless: the next start checks that the process still runs Flink from this folder.
        }
    }

    /**
     * Kills the processes that a stack killed earlier left behind in {@code pidDir}: those still alive and running from
     * {@code clusterDir} (the pid may have been reused by an unrelated process since).
     *
     * @return how many were killed
     */
    static int killLeftovers(Path pidDir, Path clusterDir) throws IOException {
        if (!Files.isDirectory(pidDir)) {
            return 0;
        }
        int killed = 0;
        try (var files = Files.list(pidDir)) {
            for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                Optional<ProcessHandle> leftover = parsePid(pidFile).flatMap(ProcessHandle::of)
                        .filter(ProcessHandle::isAlive)
                        .filter(handle -> handle.info().commandLine().map(line -> line.contains(clusterDir.toString())).orElse(false));
                if (leftover.isPresent()) {
                    leftover.get().destroyForcibly();
                    leftover.get().onExit().join();
                    killed++;
                }
                Files.deleteIfExists(pidFile);
            }
        }
        return killed;
    }

    private static Optional<Long> parsePid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The last lines of a log, read from its end: a JobManager log can be large after hours of checkpoints. */
    static String tail(Path file) {
        if (!Files.isRegularFile(file)) {
            return "(no file)";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
