package dev.lakehouse.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilverOracleSupportTest {
    private static final LocalDateTime END_OF_YEAR = LocalDateTime.of(2025, 1, 1, 0, 0);

    @TempDir
    Path dir;

    @Test
    void slaIsMetExactlyAtTheLimitAndMissedOneSecondLater() {
        Map<String, Map<String, Object>> rows = metricsById(TestSeeds.in(dir)
                .ticket("TKT1", "urgent", "resolved", "2024-01-01 10:00:00", "2024-01-01 10:15:00",
                        "2024-01-01 14:00:00", "AGENT001", "5")
                .ticket("TKT2", "urgent", "resolved", "2024-01-01 10:00:00", "2024-01-01 10:15:01",
                        "2024-01-01 14:00:01", "AGENT001", "3"), END_OF_YEAR);

        assertThat(rows.get("TKT1"))
                .containsEntry("meets_response_sla", true)
                .containsEntry("meets_resolution_sla", true)
                .containsEntry("first_response_time_minutes", 15L)
                .containsEntry("resolution_time_hours", 4L)
                .containsOnlyKeys(SupportOracle.METRICS_LAYOUT.columns());
        assertThat(rows.get("TKT2"))
                .containsEntry("meets_response_sla", false)
                .containsEntry("meets_resolution_sla", false)
                // whole units, truncated: compared exactly, the SLA is missed although the units say 15 and 4
                .containsEntry("first_response_time_minutes", 15L)
                .containsEntry("resolution_time_hours", 4L);
    }

    @Test
    void withoutResponseOrResolutionNothingIsMetAndTimesAreNull() {
        Map<String, Map<String, Object>> rows = metricsById(TestSeeds.in(dir)
                .ticket("TKT1", "low", "open", "2024-01-01 10:00:00", "", "", "", ""), END_OF_YEAR);

        assertThat(rows.get("TKT1"))
                .containsEntry("first_response_time_minutes", null)
                .containsEntry("resolution_time_hours", null)
                .containsEntry("meets_response_sla", false)
                .containsEntry("meets_resolution_sla", false)
                .containsEntry("is_satisfied_customer", false)
                .containsEntry("is_unsatisfied_customer", false);
    }

    @Test
    void urgencyStatusAtTheFinalWatermark() {
        LocalDateTime watermark = LocalDateTime.of(2024, 1, 2, 0, 0);
        Map<String, Map<String, Object>> rows = metricsById(TestSeeds.in(dir)
                // urgent: 4 h resolution limit
                .ticket("TKT1", "urgent", "open", "2024-01-01 19:59:59", "", "", "", "")
                .ticket("TKT2", "urgent", "in_progress", "2024-01-01 20:00:00", "2024-01-01 20:01:00", "",
                        "AGENT001", "")
                .ticket("TKT3", "high", "closed", "2023-12-01 00:00:00", "2023-12-01 01:00:00",
                        "2023-12-20 00:00:00", "AGENT001", "1")
                .ticket("TKT4", "whatever", "open", "2023-12-25 23:59:59", "", "", "", "")
                .ticket("TKT5", "medium", "waiting_customer", "2023-12-01 00:00:00", "2023-12-01 01:00:00", "",
                        "AGENT001", ""), watermark);

        assertThat(rows.get("TKT1")).containsEntry("ticket_urgency_status", "Overdue Critical");
        assertThat(rows.get("TKT2")).containsEntry("ticket_urgency_status", "active"); // exactly 4 h old
        assertThat(rows.get("TKT3")).containsEntry("ticket_urgency_status", "Resolved")
                .containsEntry("is_unsatisfied_customer", true);
        assertThat(rows.get("TKT4")).containsEntry("ticket_urgency_status", "Overdue Low"); // unknown = low
        assertThat(rows.get("TKT5")).containsEntry("ticket_urgency_status", "Resolved");
    }

    @Test
    void channelTypes() {
        assertThat(SupportOracle.channelType("chat")).isEqualTo("Real-time");
        assertThat(SupportOracle.channelType("phone")).isEqualTo("Real-time");
        assertThat(SupportOracle.channelType("email")).isEqualTo("Asynchronous");
        assertThat(SupportOracle.channelType("social_media")).isEqualTo("Public");
        assertThat(SupportOracle.channelType("fax")).isEqualTo("Other");
        assertThat(SupportOracle.channelType(null)).isEqualTo("Other");
    }

    @Test
    void noBreachWhenTheResponseCameBeforeTheDeadlineEvenIfTheRowIsListedLater() {
        List<Map<String, Object>> breaches = TestSeeds.in(dir)
                .ticket("TKT2", "urgent", "resolved", "2024-01-05 00:00:00", "2024-01-05 00:10:00",
                        "2024-01-05 01:00:00", "AGENT001", "5")
                // created days before TKT2 yet listed after it: responded in 10 min, never resolved
                .ticket("TKT1", "urgent", "in_progress", "2024-01-01 00:00:00", "2024-01-01 00:10:00", "",
                        "AGENT001", "")
                .oracle().slaBreaches(END_OF_YEAR);

        assertThat(breaches).singleElement().satisfies(b -> assertThat(b)
                .containsEntry("ticket_id", "TKT1")
                .containsEntry("customer_id", "CUST000001")
                .containsEntry("priority", "urgent")
                .containsEntry("breach_type", "resolution")
                .containsEntry("deadline", LocalDateTime.of(2024, 1, 1, 4, 0))
                .containsOnlyKeys(SupportOracle.BREACH_LAYOUT.columns()));
    }

    @Test
    void breachesNeedTheDeadlineStrictlyPassedAndNothingDoneByIt() {
        LocalDateTime watermark = LocalDateTime.of(2024, 1, 1, 11, 0);
        List<Map<String, Object>> breaches = TestSeeds.in(dir)
                // high: response deadline 11:00 = the watermark, not yet passed
                .ticket("TKT1", "high", "open", "2024-01-01 10:00:00", "", "", "", "")
                // response deadline 10:59:59 passed; response exactly at it is in time
                .ticket("TKT2", "high", "in_progress", "2024-01-01 09:59:59", "2024-01-01 10:59:59", "",
                        "AGENT001", "")
                // response deadline 10:59:58 passed; response one second late, after the watermark even
                .ticket("TKT3", "high", "in_progress", "2024-01-01 09:59:58", "2024-01-01 12:00:00", "",
                        "AGENT001", "")
                .oracle().slaBreaches(watermark);

        assertThat(breaches).singleElement().satisfies(b -> assertThat(b)
                .containsEntry("ticket_id", "TKT3")
                .containsEntry("breach_type", "response")
                .containsEntry("deadline", LocalDateTime.of(2024, 1, 1, 10, 59, 58)));
    }

    @Test
    void agentPerformanceOverTicketsWithAnAgent() {
        List<Map<String, Object>> agents = TestSeeds.in(dir)
                .ticket("TKT1", "medium", "resolved", "2024-01-01 00:00:00", "2024-01-01 00:30:59",
                        "2024-01-03 00:00:00", "AGENT001", "5")
                .ticket("TKT2", "medium", "closed", "2024-01-01 00:00:00", "2024-01-01 01:00:00",
                        "2024-01-05 00:59:00", "AGENT001", "2")
                .ticket("TKT3", "medium", "in_progress", "2024-01-01 00:00:00", "2024-01-01 00:10:00", "",
                        "AGENT001", "")
                .ticket("TKT4", "medium", "open", "2024-01-01 00:00:00", "", "", "", "")
                .oracle().agentPerformance();

        assertThat(agents).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("agent_id", "AGENT001")
                .containsEntry("tickets_handled", 3L)
                .containsEntry("avg_first_response_minutes", (30.0 + 60 + 10) / 3)
                .containsEntry("avg_resolution_hours", (48.0 + 96) / 2)
                .containsEntry("tickets_meeting_resolution_sla", 1L)
                .containsEntry("avg_satisfaction", 3.5)
                .containsEntry("satisfied_count", 1L)
                .containsEntry("unsatisfied_count", 1L)
                .containsOnlyKeys(SupportOracle.AGENT_LAYOUT.columns()));
    }

    private Map<String, Map<String, Object>> metricsById(TestSeeds seeds, LocalDateTime watermark) {
        return seeds.oracle().supportMetrics(watermark).stream()
                .collect(Collectors.toMap(r -> (String) r.get("ticket_id"), Function.identity()));
    }
}
