package dev.lakehouse.support;

/** {@code breach_type} of {@code silver.sla_breaches}. */
public enum BreachType {
    RESPONSE("response"),
    RESOLUTION("resolution");

    private final String code;

    BreachType(String code) {
        this.code = code;
    }

    /** The value written to the table. */
    public String code() {
        return code;
    }
}
