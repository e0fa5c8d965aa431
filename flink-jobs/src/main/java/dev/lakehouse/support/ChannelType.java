package dev.lakehouse.support;

/** {@code channel_type}: how the customer talks to support. A missing or unknown channel is Other. */
public enum ChannelType {
    REAL_TIME("Real-time"),
    ASYNCHRONOUS("Asynchronous"),
    PUBLIC("Public"),
    OTHER("Other");

    private final String code;

    ChannelType(String code) {
        this.code = code;
    }

    /** The value written to the table. */
    public String code() {
        return code;
    }

    public static ChannelType of(String channel) {
        if (channel == null) {
            return OTHER;
        }
        return switch (channel) {
            case "chat", "phone" -> REAL_TIME;
            case "email" -> ASYNCHRONOUS;
            case "social_media" -> PUBLIC;
            default -> OTHER;
        };
    }
}
