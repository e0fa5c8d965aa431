package dev.lakehouse.sessions;

/** {@code session_length_category}: each bound is exclusive, so 30 s is already short. */
public enum SessionLengthCategory {
    VERY_SHORT("very_short"),
    SHORT("short"),
    MEDIUM("medium"),
    LONG("long");

    static final long SHORT_FROM_SECONDS = 30;
    static final long MEDIUM_FROM_SECONDS = 300;
    static final long LONG_FROM_SECONDS = 1800;

    private final String code;

    SessionLengthCategory(String code) {
        this.code = code;
    }

    /** The value written to the table. */
    public String code() {
        return code;
    }

    public static SessionLengthCategory of(long durationSeconds) {
        if (durationSeconds < SHORT_FROM_SECONDS) {
            return VERY_SHORT;
        }
        if (durationSeconds < MEDIUM_FROM_SECONDS) {
            return SHORT;
        }
        if (durationSeconds < LONG_FROM_SECONDS) {
            return MEDIUM;
        }
        return LONG;
    }
}
