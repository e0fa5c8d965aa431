package dev.lakehouse.support;

import static dev.lakehouse.support.Tickets.CREATED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlaPolicyTest {

    @ParameterizedTest(name = "{0}: respond within {1} min, resolve within {2} h")
    @CsvSource({"urgent, 15, 4", "high, 60, 24", "medium, 240, 72", "low, 1440, 168"})
    void limitsPerPriority(String priority, long responseMinutes, long resolutionHours) {
        SlaPolicy policy = SlaPolicy.forPriority(priority);

        assertThat(policy.responseLimit()).isEqualTo(Duration.ofMinutes(responseMinutes));
        assertThat(policy.resolutionLimit()).isEqualTo(Duration.ofHours(resolutionHours));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "critical", "URGENT"})
    void missingOrUnknownPriorityIsTreatedAsLow(String priority) {
        assertThat(SlaPolicy.forPriority(priority)).isEqualTo(TicketPriority.LOW.sla());
        assertThat(TicketPriority.of(priority)).isEqualTo(TicketPriority.LOW);
    }

    @Test
    void deadlinesAreCreatedPlusTheLimit() {
        SlaPolicy urgent = SlaPolicy.forPriority("urgent");

        assertThat(urgent.responseDeadline(CREATED)).isEqualTo(CREATED.plusMinutes(15));
        assertThat(urgent.resolutionDeadline(CREATED)).isEqualTo(CREATED.plusHours(4));
        assertThat(Tickets.open("medium").responseDeadline()).isEqualTo(CREATED.plusHours(4));
        assertThat(Tickets.open("medium").resolutionDeadline()).isEqualTo(CREATED.plusHours(72));
    }

    @Test
    void metExactlyAtTheDeadlineNotASecondAfterNorWhenMissing() {
        assertThat(SlaPolicy.metBy(CREATED, CREATED)).isTrue();
        assertThat(SlaPolicy.metBy(CREATED.minusSeconds(1), CREATED)).isTrue();
        assertThat(SlaPolicy.metBy(CREATED.plusSeconds(1), CREATED)).isFalse();
        assertThat(SlaPolicy.metBy(null, CREATED)).isFalse();
    }

    @Test
    void overdueWordsFollowPriority() {
        assertThat(TicketPriority.URGENT.urgencyLabel()).isEqualTo("Critical");
        assertThat(TicketPriority.HIGH.urgencyLabel()).isEqualTo("High");
        assertThat(TicketPriority.MEDIUM.urgencyLabel()).isEqualTo("Medium");
        assertThat(TicketPriority.LOW.urgencyLabel()).isEqualTo("Low");
    }
}
