package dev.lakehouse.support;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One row of {@code silver.support_metrics}, key ticket_id: the contract columns and what they say about
 * service. Only {@link #ticketUrgencyStatus} depends on the watermark; every other column depends on the
 * ticket alone.
 *
 * @param firstResponseTimeMinutes whole minutes from creation to first response, truncated; {@code null} when none
 * @param resolutionTimeHours whole hours from creation to resolution, truncated (59 min is 0); {@code null} when none
 * @param meetsResponseSla a first response exists, no later than the priority's response deadline
 * @param meetsResolutionSla a resolution exists, no later than the priority's resolution deadline
 * @param isSatisfiedCustomer satisfaction_score &gt;= 4 (false when missing)
 * @param isUnsatisfiedCustomer satisfaction_score &lt;= 2 (false when missing)
 */
public record SupportMetrics(
        SupportTicket ticket,
        Long firstResponseTimeMinutes,
        Long resolutionTimeHours,
        boolean meetsResponseSla,
        boolean meetsResolutionSla,
        boolean isSatisfiedCustomer,
        boolean isUnsatisfiedCustomer,
        ChannelType channelType,
        TicketUrgencyStatus ticketUrgencyStatus) {

    public static final int SATISFIED_FROM_SCORE = 4;
    public static final int UNSATISFIED_UP_TO_SCORE = 2;

    /** @param watermarkMillis the current event-time watermark, UTC epoch ms (Flink's {@code Long.MIN_VALUE} is fine) */
    public static SupportMetrics of(SupportTicket ticket, long watermarkMillis) {
        LocalDateTime created = ticket.createdTimestamp();
        LocalDateTime response = ticket.firstResponseTimestamp();
        LocalDateTime resolution = ticket.resolutionTimestamp();
        Integer score = ticket.satisfactionScore();
        return new SupportMetrics(
                ticket,
                response == null ? null : Duration.between(created, response).toMinutes(),
                resolution == null ? null : Duration.between(created, resolution).toHours(),
                SlaPolicy.metBy(response, ticket.responseDeadline()),
                SlaPolicy.metBy(resolution, ticket.resolutionDeadline()),
                score != null && score >= SATISFIED_FROM_SCORE,
                score != null && score <= UNSATISFIED_UP_TO_SCORE,
                ChannelType.of(ticket.channel()),
                TicketUrgencyStatus.of(ticket, watermarkMillis));
    }

    public static SupportMetrics of(SupportTicket ticket, LocalDateTime watermark) {
        return of(ticket, EventTimes.toMillis(watermark));
    }

    public String ticketId() {
        return ticket.ticketId();
    }

    public String agentId() {
        return ticket.agentId();
    }
}
