package dev.lakehouse.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The event-time timers a ticket version needs: one per deadline that can still matter. A response or
 * resolution already in by its deadline can never breach, so a resolved ticket that met both SLAs needs none
 * and leaves no timer behind. The resolution deadline is also when an active ticket turns Overdue, so an active
 * ticket keeps that timer even when nothing can breach.
 */
final class SlaTimers {
    private SlaTimers() {}

    static List<Long> of(SupportTicket ticket) {
        // Urgency is not looked at here, so any watermark will do.
        SupportMetrics metrics = SupportMetrics.of(ticket, Long.MIN_VALUE);
        List<Long> timers = new ArrayList<>(2);
        if (!metrics.meetsResponseSla()) {
            timers.add(SlaBreach.dueFromWatermark(ticket.responseDeadline()));
        }
        if (!metrics.meetsResolutionSla() || TicketStatuses.isActive(ticket.status())) {
            timers.add(SlaBreach.dueFromWatermark(ticket.resolutionDeadline()));
        }
        return timers;
    }

    /**
     * When the ticket's state may be forgotten: {@code retentionMillis} after the last of its deadlines' timers,
     * which have all fired by then, so the ticket's breaches and its final urgency are written.
     */
    static long forgetAt(SupportTicket ticket, long retentionMillis) {
        return Math.max(SlaBreach.dueFromWatermark(ticket.responseDeadline()),
                SlaBreach.dueFromWatermark(ticket.resolutionDeadline())) + retentionMillis;
    }

    /** Whether the ticket's urgency steps at {@code timerMillis}, so its row must be written again. */
    static boolean urgencyChangesAt(SupportTicket ticket, long timerMillis) {
        return TicketUrgencyStatus.of(ticket, timerMillis - 1) != TicketUrgencyStatus.of(ticket, timerMillis);
    }
}
