package dev.lakehouse.replay;

/** Kafka did not accept a record (broker gone, authorisation, timeout): the replay stopped. */
public class ReplayFailedException extends RuntimeException {
    public ReplayFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
