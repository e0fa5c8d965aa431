package dev.lakehouse.support;

/** The {@code status} values the silver rules look at. */
public final class TicketStatuses {
    public static final String OPEN = "open";
    public static final String IN_PROGRESS = "in_progress";

    private TicketStatuses() {}

    /** Open and in-progress tickets are still being worked on; every other status (waiting_customer too) is not. */
    public static boolean isActive(String status) {
        return OPEN.equals(status) || IN_PROGRESS.equals(status);
    }
}
