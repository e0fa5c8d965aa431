package dev.lakehouse.support;

import static dev.lakehouse.support.Tickets.CREATED;
import static dev.lakehouse.support.Tickets.millis;
import static dev.lakehouse.support.Tickets.open;
import static dev.lakehouse.support.Tickets.resolved;
import static dev.lakehouse.support.Tickets.responded;
import static dev.lakehouse.support.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SupportMetricsTest {
    private static final long WATERMARK = millis(CREATED);

    @Test
    void responseMinutesAreTruncated() {
        SupportMetrics metrics = SupportMetrics.of(responded("low", CREATED.plusMinutes(15).plusSeconds(59)), WATERMARK);

        assertThat(metrics.firstResponseTimeMinutes()).isEqualTo(15);
    }

    @ParameterizedTest(name = "{0} min is {1} h")
    @CsvSource({"0, 0", "59, 0", "60, 1", "119, 1", "120, 2", "10079, 167"})
    void resolutionHoursAreTruncated(long minutes, long hours) {
        SupportMetrics metrics = SupportMetrics.of(resolved("low", CREATED.plusMinutes(minutes)), WATERMARK);

        assertThat(metrics.resolutionTimeHours()).isEqualTo(hours);
    }

    @Test
    void missingResponseAndResolutionGiveNullTimesAndMissedSlas() {
        SupportMetrics metrics = SupportMetrics.of(open("urgent"), WATERMARK);

        assertThat(metrics.firstResponseTimeMinutes()).isNull();
        assertThat(metrics.resolutionTimeHours()).isNull();
        assertThat(metrics.meetsResponseSla()).isFalse();
        assertThat(metrics.meetsResolutionSla()).isFalse();
    }

    @ParameterizedTest(name = "{0} responded after {1} min")
    @CsvSource({"urgent, 15", "high, 60", "medium, 240", "low, 1440"})
    void responseSlaMetAtItsLimitAndMissedOneMinuteAfter(String priority, long limitMinutes) {
        LocalDateTime atLimit = CREATED.plusMinutes(limitMinutes);

        assertThat(SupportMetrics.of(responded(priority, atLimit), WATERMARK).meetsResponseSla()).isTrue();
        assertThat(SupportMetrics.of(responded(priority, atLimit.plusMinutes(1)), WATERMARK).meetsResponseSla())
                .isFalse();
    }

    @ParameterizedTest(name = "{0} resolved after {1} h")
    @CsvSource({"urgent, 4", "high, 24", "medium, 72", "low, 168"})
    void resolutionSlaMetAtItsLimitAndMissedOneMinuteAfter(String priority, long limitHours) {
        LocalDateTime atLimit = CREATED.plusHours(limitHours);

        assertThat(SupportMetrics.of(resolved(priority, atLimit), WATERMARK).meetsResolutionSla()).isTrue();
        assertThat(SupportMetrics.of(resolved(priority, atLimit.plusMinutes(1)), WATERMARK).meetsResolutionSla())
                .isFalse();
    }

    @Test
    void slaUsesTheExactTimeNotTheTruncatedHours() {
        SupportMetrics metrics = SupportMetrics.of(resolved("urgent", CREATED.plusHours(4).plusMinutes(59)), WATERMARK);

        assertThat(metrics.resolutionTimeHours()).isEqualTo(4);
        assertThat(metrics.meetsResolutionSla()).isFalse();
    }

    @Test
    void unknownPriorityIsHeldToTheLowSla() {
        SupportMetrics metrics = SupportMetrics.of(responded("whenever", CREATED.plusHours(24)), WATERMARK);

        assertThat(metrics.meetsResponseSla()).isTrue();
    }

    @ParameterizedTest(name = "score {0}: satisfied {1}, unsatisfied {2}")
    @CsvSource({"1, false, true", "2, false, true", "3, false, false", "4, true, false", "5, true, false"})
    void satisfaction(int score, boolean satisfied, boolean unsatisfied) {
        SupportTicket ticket = ticket("TKT1", "low", "closed", null, null, "AGT01", score, "email");

        SupportMetrics metrics = SupportMetrics.of(ticket, WATERMARK);

        assertThat(metrics.isSatisfiedCustomer()).isEqualTo(satisfied);
        assertThat(metrics.isUnsatisfiedCustomer()).isEqualTo(unsatisfied);
    }

    @Test
    void missingScoreIsNeitherSatisfiedNorUnsatisfied() {
        SupportMetrics metrics = SupportMetrics.of(open("low"), WATERMARK);

        assertThat(metrics.isSatisfiedCustomer()).isFalse();
        assertThat(metrics.isUnsatisfiedCustomer()).isFalse();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "chat, REAL_TIME, Real-time",
        "phone, REAL_TIME, Real-time",
        "email, ASYNCHRONOUS, Asynchronous",
        "social_media, PUBLIC, Public",
        "fax, OTHER, Other",
    })
    void everyChannel(String channel, ChannelType type, String code) {
        SupportMetrics metrics = SupportMetrics.of(ticket("TKT1", "low", "open", null, null, null, null, channel),
                WATERMARK);

        assertThat(metrics.channelType()).isEqualTo(type);
        assertThat(metrics.channelType().code()).isEqualTo(code);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Chat"})
    void missingOrUnknownChannelIsOther(String channel) {
        assertThat(ChannelType.of(channel)).isEqualTo(ChannelType.OTHER);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"open", "in_progress"})
    void activeTicketIsActiveUpToItsResolutionDeadlineAndOverdueJustAfter(String status) {
        SupportTicket ticket = ticket("TKT1", "urgent", status, null, null, null, null, "chat");
        long deadline = millis(CREATED.plusHours(4));

        assertThat(SupportMetrics.of(ticket, deadline).ticketUrgencyStatus()).isEqualTo(TicketUrgencyStatus.ACTIVE);
        assertThat(SupportMetrics.of(ticket, deadline + 1).ticketUrgencyStatus())
                .isEqualTo(TicketUrgencyStatus.OVERDUE_CRITICAL);
    }

    @ParameterizedTest(name = "{0} overdue after {1} h is {2}")
    @CsvSource({
        "urgent, 4, Overdue Critical",
        "high, 24, Overdue High",
        "medium, 72, Overdue Medium",
        "low, 168, Overdue Low",
        "unknown, 168, Overdue Low",
    })
    void overdueStatusNamesThePriority(String priority, long limitHours, String code) {
        SupportTicket ticket = open(priority);
        LocalDateTime deadline = CREATED.plusHours(limitHours);

        assertThat(SupportMetrics.of(ticket, deadline).ticketUrgencyStatus().code()).isEqualTo("active");
        assertThat(SupportMetrics.of(ticket, deadline.plusSeconds(1)).ticketUrgencyStatus().code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}")
    @NullSource
    @ValueSource(strings = {"waiting_customer", "resolved", "closed"})
    void everyOtherStatusIsResolvedEvenLongPastTheDeadline(String status) {
        SupportTicket ticket = ticket("TKT1", "urgent", status, null, null, null, null, "chat");

        SupportMetrics metrics = SupportMetrics.of(ticket, CREATED.plusYears(1));

        assertThat(metrics.ticketUrgencyStatus()).isEqualTo(TicketUrgencyStatus.RESOLVED);
        assertThat(metrics.ticketUrgencyStatus().code()).isEqualTo("Resolved");
    }

    @Test
    void flinksInitialWatermarkLeavesATicketActive() {
        assertThat(SupportMetrics.of(open("urgent"), Long.MIN_VALUE).ticketUrgencyStatus())
                .isEqualTo(TicketUrgencyStatus.ACTIVE);
    }

    @Test
    void onlyTheUrgencyDependsOnTheWatermark() {
        SupportTicket ticket = responded("urgent", CREATED.plusMinutes(5));

        SupportMetrics early = SupportMetrics.of(ticket, CREATED);
        SupportMetrics late = SupportMetrics.of(ticket, CREATED.plusYears(1));

        assertThat(late).usingRecursiveComparison().ignoringFields("ticketUrgencyStatus").isEqualTo(early);
        assertThat(late.ticketUrgencyStatus()).isNotEqualTo(early.ticketUrgencyStatus());
    }
}
