package dev.lakehouse.stack.chaos;

/** The kinds of fault a chaos run injects, each one an outage the pipeline must come through without losing a row. */
public enum Fault {
    /** SIGKILL of a TaskManager process; the stack starts a replacement and the job restarts from its last checkpoint. */
    TASKMANAGER_KILL("kill -9 TaskManager"),
    /**
     * SIGKILL of the JobManager; the stack starts a new one on the same ports and submits the job again from its latest
     * retained checkpoint.
     */
    JOBMANAGER_KILL("kill -9 JobManager"),
    /** The Kafka broker stopped and started again on the same ports and log folders. */
    KAFKA_RESTART("Kafka broker restart"),
    /** The Iceberg REST catalog stopped and started again on the same port and database. */
    CATALOG_RESTART("REST catalog restart"),
    /** The job cancelled (no savepoint) and submitted again from its latest retained checkpoint. */
    JOB_CANCEL_RESUME("cancel job, resume from checkpoint"),
    /** The replay producer killed mid-file (buffered rows dropped), then run again from the start of the files. */
    PRODUCER_KILL("kill producer, run it again");

    private final String description;
    Fault(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
