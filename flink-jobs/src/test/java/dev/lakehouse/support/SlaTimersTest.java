package dev.lakehouse.support;

import static dev.lakehouse.support.Tickets.CREATED;
import static dev.lakehouse.support.Tickets.millis;
import static dev.lakehouse.support.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlaTimersTest {
    private static final long RESPONSE_DUE = millis(CREATED.plusMinutes(15)) + 1;
    private static final long RESOLUTION_DUE = millis(CREATED.plusHours(4)) + 1;

    @Test
    void anUnansweredTicketWatchesBothDeadlines() {
        assertThat(SlaTimers.of(Tickets.open("urgent"))).containsExactly(RESPONSE_DUE, RESOLUTION_DUE);
    }

    @Test
    void aTimelyResponseNeedsNoResponseTimerButAnActiveTicketKeepsItsOverdueTimer() {
        assertThat(SlaTimers.of(Tickets.responded("urgent", CREATED.plusMinutes(15)))).containsExactly(RESOLUTION_DUE);
    }

    @Test
    void aTicketResolvedWithinBothSlasNeedsNoTimer() {
        assertThat(SlaTimers.of(Tickets.resolved("urgent", CREATED.plusHours(4)))).isEmpty();
    }

    @Test
    void aLateResolutionStillBreachesSoItsTimerStays() {
        assertThat(SlaTimers.of(Tickets.resolved("urgent", CREATED.plusHours(5)))).containsExactly(RESOLUTION_DUE);
    }

    @Test
    void theUrgencyStepsOnlyAtTheResolutionTimerOfAnActiveTicket() {
        SupportTicket open = Tickets.open("urgent");
        SupportTicket closed = ticket("TKT00000001", "urgent", "closed", null, null, null, null, "email");

        assertThat(SlaTimers.urgencyChangesAt(open, RESOLUTION_DUE)).isTrue();
        assertThat(SlaTimers.urgencyChangesAt(open, RESPONSE_DUE)).isFalse();
        assertThat(SlaTimers.urgencyChangesAt(closed, RESOLUTION_DUE)).isFalse();
    }
}
