package dev.lakehouse.stack.flink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.configuration.MemorySize;

/**
 * How the stack runs Flink as separate processes: one JobManager and {@code taskManagers} TaskManagers, started from
 * the jars of the stack's own classpath with the stack's Java.
 *
 * @param restPort the dashboard and REST port of the JobManager; 0 picks a free one
 * @param jobManagerProcessMemory the JobManager's whole JVM footprint; it also runs the jobs' {@code main()} (planning
 *     the gold SQL), so it gets Flink's default 1600m rather than a minimal one
 * @param taskManagerProcessMemory each TaskManager's whole JVM footprint; Flink derives heap, managed (RocksDB),
 *     network and metaspace from it as its scripts do
 * @param heartbeatInterval how often the JobManager and TaskManagers exchange heartbeats
 * @param heartbeatTimeout when a silent TaskManager counts as lost; a killed one is usually noticed sooner, when
 *     heartbeat RPCs to it fail twice in a row
 * @param restartDelay the first pause before a failed job restarts; it doubles on repeated failures up to ten times this
 * @param startTimeout how long a process may take to come up (REST answering, TaskManager registered)
 * @param java the {@code java} executable of the child processes
 * @param classpath their class path: Flink, its connectors and the lakehouse classes, as the stack itself runs with
 */
public record SessionClusterSettings(
        int taskManagers,
        int slotsPerTaskManager,
        int restPort,
        MemorySize jobManagerProcessMemory,
        MemorySize taskManagerProcessMemory,
        Duration heartbeatInterval,
        Duration heartbeatTimeout,
        Duration restartDelay,
        Duration startTimeout,
        Path java,
        String classpath) {

    /** Flink's own default for a standalone JobManager. */
    public static final MemorySize DEFAULT_JOB_MANAGER_MEMORY = MemorySize.parse("1600m");
    /**
     * What {@code docker-compose.yaml} gives a TaskManager: about 1.5 GB of JVM heap. Flink's standalone default of
     * 1728m leaves 512 MB, and the lakehouse job at parallelism 1 has all its 51 tasks on one TaskManager: over two
     * months of the full data set its old generation stayed 77–92 % full, and over the full 3.8 M rows with faults
     * it ran out of heap. With two TaskManagers the stack takes about 10 GB at most, inside a 24 GB machine.
     */
    public static final MemorySize DEFAULT_TASK_MANAGER_MEMORY = MemorySize.parse("4096m");

    public SessionClusterSettings {
        if (taskManagers < 1) {
            throw new IllegalArgumentException("a session cluster needs at least one TaskManager, got " + taskManagers);
        }
        if (slotsPerTaskManager < 1) {
            throw new IllegalArgumentException("slots per TaskManager must be positive, got " + slotsPerTaskManager);
        }
        if (heartbeatTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("the heartbeat timeout (" + heartbeatTimeout + ") must exceed the interval ("
                    + heartbeatInterval + ")");
        }
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(classpath, "classpath");
    }

    /**
     * The defaults for the stack: this JVM's Java and class path; a lost TaskManager noticed within seconds, yet a
     * heartbeat timeout that a busy two-core machine (a GC pause, a starved JVM) does not mistake for a lost one.
     */
    public static SessionClusterSettings forStack(int taskManagers, int slotsPerTaskManager, int restPort) {
        return new SessionClusterSettings(taskManagers, slotsPerTaskManager, restPort, DEFAULT_JOB_MANAGER_MEMORY,
                DEFAULT_TASK_MANAGER_MEMORY, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMillis(500),
                Duration.ofMinutes(2), Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"));
    }

    public int totalSlots() {
        return taskManagers * slotsPerTaskManager;
    }
}
