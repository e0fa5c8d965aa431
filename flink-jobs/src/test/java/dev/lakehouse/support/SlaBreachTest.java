package dev.lakehouse.support;

import static dev.lakehouse.support.Tickets.CREATED;
import static dev.lakehouse.support.Tickets.millis;
import static dev.lakehouse.support.Tickets.open;
import static dev.lakehouse.support.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaBreachTest {
    private static final LocalDateTime RESPONSE_DEADLINE = CREATED.plusMinutes(15); // urgent
    private static final LocalDateTime RESOLUTION_DEADLINE = CREATED.plusHours(4);

    @Test
    void nothingIsDueUpToAndAtTheDeadline() {
        assertThat(SlaBreach.breachesDue(open("urgent"), CREATED)).isEmpty();
        assertThat(SlaBreach.breachesDue(open("urgent"), RESPONSE_DEADLINE)).isEmpty();
    }

    @Test
    void responseBreachIsDueOnceTheWatermarkPassesTheDeadline() {
        List<SlaBreach> due = SlaBreach.breachesDue(open("urgent"), millis(RESPONSE_DEADLINE) + 1);

        assertThat(due).containsExactly(new SlaBreach("TKT00000001", "CUST000001", "urgent", BreachType.RESPONSE,
                RESPONSE_DEADLINE, RESPONSE_DEADLINE.plusNanos(1_000_000)));
    }

    @Test
    void bothBreachesAreDuePastBothDeadlines() {
        LocalDateTime watermark = RESOLUTION_DEADLINE.plusMinutes(1);

        List<SlaBreach> due = SlaBreach.breachesDue(open("urgent"), watermark);

        assertThat(due).extracting(SlaBreach::breachType).containsExactly(BreachType.RESPONSE, BreachType.RESOLUTION);
        assertThat(due).extracting(SlaBreach::deadline).containsExactly(RESPONSE_DEADLINE, RESOLUTION_DEADLINE);
        assertThat(due).extracting(SlaBreach::detectedAt).containsOnly(watermark);
    }

    @Test
    void responseAtTheDeadlineIsNoBreach() {
        SupportTicket ticket = ticket("TKT1", "urgent", "in_progress", RESPONSE_DEADLINE, null, "AGT01", null, "chat");

        assertThat(SlaBreach.breachesDue(ticket, RESPONSE_DEADLINE.plusMinutes(1))).isEmpty();
    }

    @Test
    void responseAfterTheDeadlineDoesNotUndoTheBreach() {
        SupportTicket ticket = ticket("TKT1", "urgent", "in_progress", RESPONSE_DEADLINE.plusSeconds(1), null, "AGT01",
                null, "chat");

        assertThat(SlaBreach.breachesDue(ticket, RESPONSE_DEADLINE.plusMinutes(1)))
                .extracting(SlaBreach::breachType).containsExactly(BreachType.RESPONSE);
    }

    @Test
    void resolutionInTimeIsNoBreach() {
        SupportTicket ticket = ticket("TKT1", "urgent", "resolved", CREATED.plusMinutes(1), RESOLUTION_DEADLINE,
                "AGT01", 5, "chat");

        assertThat(SlaBreach.breachesDue(ticket, CREATED.plusYears(1))).isEmpty();
    }

    @Test
    void lateResolutionIsAResolutionBreach() {
        SupportTicket ticket = ticket("TKT1", "high", "closed", CREATED.plusMinutes(1), CREATED.plusHours(25),
                "AGT01", 1, "chat");

        List<SlaBreach> due = SlaBreach.breachesDue(ticket, CREATED.plusDays(2));

        assertThat(due).singleElement().satisfies(breach -> {
            assertThat(breach.breachType()).isEqualTo(BreachType.RESOLUTION);
            assertThat(breach.priority()).isEqualTo("high");
            assertThat(breach.deadline()).isEqualTo(CREATED.plusHours(24));
        });
    }

    @Test
    void timerIsRegisteredOneMillisecondAfterTheDeadline() {
        long timer = SlaBreach.dueFromWatermark(RESPONSE_DEADLINE);

        assertThat(timer).isEqualTo(millis(RESPONSE_DEADLINE) + 1);
        assertThat(SlaBreach.breachesDue(open("urgent"), timer - 1)).isEmpty();
        assertThat(SlaBreach.breachesDue(open("urgent"), timer)).hasSize(1);
    }

    @Test
    void pastTheDeadlinesABreachIsExactlyAMissedSla() {
        LocalDateTime watermark = CREATED.plusYears(1);
        for (LocalDateTime response : new LocalDateTime[] {null, CREATED, RESPONSE_DEADLINE, RESPONSE_DEADLINE.plusSeconds(1)}) {
            for (LocalDateTime resolution : new LocalDateTime[] {null, RESOLUTION_DEADLINE, RESOLUTION_DEADLINE.plusSeconds(1)}) {
                SupportTicket ticket = ticket("TKT1", "urgent", "resolved", response, resolution, "AGT01", 3, "chat");
                SupportMetrics metrics = SupportMetrics.of(ticket, watermark);
                List<BreachType> breaches = SlaBreach.breachesDue(ticket, watermark).stream()
                        .map(SlaBreach::breachType).toList();

                assertThat(breaches.contains(BreachType.RESPONSE)).isEqualTo(!metrics.meetsResponseSla());
                assertThat(breaches.contains(BreachType.RESOLUTION)).isEqualTo(!metrics.meetsResolutionSla());
            }
        }
    }

    @Test
    void breachTypeCodesAreTheTableValues() {
        assertThat(BreachType.RESPONSE.code()).isEqualTo("response");
        assertThat(BreachType.RESOLUTION.code()).isEqualTo("resolution");
    }
}
