package dev.lakehouse.late;

/** The {@code reason} column of {@code silver.late_events}. */
public enum LateReason {
    /** A customer event behind the watermark by more than the allowed lateness: its session may be gone. */
    SESSION_CLOSED("session_closed"),
    /** A payment behind the watermark: analysed as of its arrival, not in event-time order. */
    OUT_OF_ORDER_PAYMENT("out_of_order_payment");

    private final String code;

    LateReason(String code) {
        this.code = code;
    }

    /** The value written to the table. */
    public String code() {
        return code;
    }
}
