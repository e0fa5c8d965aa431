package dev.lakehouse.replay;

/** A seed file that cannot be replayed at all (wrong header, unreadable). Bad rows never cause this. */
public class SeedFileException extends RuntimeException {
    public SeedFileException(String message) {
        super(message);
    }

    public SeedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
