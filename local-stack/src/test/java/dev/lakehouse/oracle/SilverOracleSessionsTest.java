package dev.lakehouse.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilverOracleSessionsTest {
    @TempDir
    Path dir;

    @Test
    void anEventExactlyTheGapAfterThePreviousOneContinuesTheSession() {
        List<Map<String, Object>> sessions = TestSeeds.in(dir)
                .event("EVT1", "CUST1", "SESS1", "page_view", "2024-01-01 10:00:00", "")
                .event("EVT2", "CUST1", "SESS1", "page_view", "2024-01-01 10:30:00", "")
                .oracle().customerSessions(Duration.ofMinutes(30));

        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0))
                .containsEntry("session_start", LocalDateTime.of(2024, 1, 1, 10, 0))
                .containsEntry("session_end", LocalDateTime.of(2024, 1, 1, 10, 30))
                .containsEntry("session_duration_seconds", 1800L)
                .containsEntry("session_length_category", "long")
                .containsEntry("total_events", 2L);
    }

    @Test
    void anEventOneSecondMoreThanTheGapAfterStartsANewSession() {
        List<Map<String, Object>> sessions = sorted(TestSeeds.in(dir)
                .event("EVT1", "CUST1", "SESS1", "page_view", "2024-01-01 10:00:00", "")
                .event("EVT2", "CUST1", "SESS1", "page_view", "2024-01-01 10:30:01", "")
                .oracle().customerSessions(Duration.ofMinutes(30)));

        assertThat(sessions).extracting(s -> s.get("session_start")).containsExactly(
                LocalDateTime.of(2024, 1, 1, 10, 0), LocalDateTime.of(2024, 1, 1, 10, 30, 1));
        assertThat(sessions).allSatisfy(s -> assertThat(s)
                .containsEntry("bounce_session", true)
                .containsEntry("session_length_category", "very_short"));
    }

    @Test
    void theGapIsMeasuredInEventTimeWhateverTheFileOrder() {
        List<Map<String, Object>> sessions = TestSeeds.in(dir)
                .event("EVT3", "CUST1", "SESS1", "page_view", "2024-01-01 10:50:00", "")
                .event("EVT1", "CUST1", "SESS1", "page_view", "2024-01-01 10:00:00", "")
                .event("EVT2", "CUST1", "SESS1", "page_view", "2024-01-01 10:25:00", "")
                .oracle().customerSessions(Duration.ofMinutes(30));

        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0)).containsEntry("total_events", 3L).containsEntry("session_duration_seconds", 3000L);
    }

    @Test
    void pairsOfCustomerAndSessionIdAreSeparateSessions() {
        List<Map<String, Object>> sessions = TestSeeds.in(dir)
                .event("EVT1", "CUST1", "SESS1", "page_view", "2024-01-01 10:00:00", "")
                .event("EVT2", "CUST2", "SESS1", "page_view", "2024-01-01 10:00:10", "")
                .event("EVT3", "CUST1", "SESS2", "page_view", "2024-01-01 10:00:20", "")
                .oracle().customerSessions();

        assertThat(sessions).extracting(s -> s.get("customer_id") + "/" + s.get("session_id"))
                .containsExactlyInAnyOrder("CUST1/SESS1", "CUST2/SESS1", "CUST1/SESS2");
    }

    @Test
    void countsTheFunnelAndTakesDeviceAndReferrerOfTheFirstEvent() {
        List<Map<String, Object>> sessions = TestSeeds.in(dir)
                // same time as EVT1 but a greater id: EVT1 is the first event although listed later
                .event("EVT2", "CUST1", "SESS1", "page_view", "2024-01-01 10:00:00", "", "mobile", "bing")
                .event("EVT1", "CUST1", "SESS1", "page_view", "2024-01-01 10:00:00", "", "tablet", "email")
                .event("EVT3", "CUST1", "SESS1", "product_view", "2024-01-01 10:01:00", "PROD00001")
                .event("EVT4", "CUST1", "SESS1", "add_to_cart", "2024-01-01 10:02:00", "PROD00001")
                .event("EVT5", "CUST1", "SESS1", "product_view", "2024-01-01 10:03:00", "PROD00002")
                .event("EVT6", "CUST1", "SESS1", "remove_from_cart", "2024-01-01 10:04:00", "PROD00003")
                .oracle().customerSessions();

        assertThat(sessions).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("device_type", "tablet")
                .containsEntry("referrer_source", "email")
                .containsEntry("total_events", 6L)
                .containsEntry("unique_event_types", 4L)
                .containsEntry("page_views", 2L)
                .containsEntry("product_views", 2L)
                .containsEntry("cart_adds", 1L)
                .containsEntry("purchases", 0L)
                .containsEntry("unique_products_viewed", 3L)
                .containsEntry("converted", false)
                .containsEntry("abandoned_cart", true)
                .containsEntry("bounce_session", false)
                .containsEntry("session_duration_seconds", 240L)
                .containsEntry("session_length_category", "short")
                .containsOnlyKeys(SessionOracle.LAYOUT.columns()));
    }

    @Test
    void aPurchaseConvertsTheSession() {
        List<Map<String, Object>> sessions = TestSeeds.in(dir)
                .event("EVT1", "CUST1", "SESS1", "add_to_cart", "2024-01-01 10:00:00", "PROD00001")
                .event("EVT2", "CUST1", "SESS1", "purchase", "2024-01-01 10:05:00", "")
                .oracle().customerSessions();

        assertThat(sessions.get(0)).containsEntry("converted", true).containsEntry("abandoned_cart", false)
                .containsEntry("session_length_category", "medium");
    }

    @Test
    void lengthCategoryBoundaries() {
        assertThat(SessionOracle.lengthCategory(0)).isEqualTo("very_short");
        assertThat(SessionOracle.lengthCategory(29)).isEqualTo("very_short");
        assertThat(SessionOracle.lengthCategory(30)).isEqualTo("short");
        assertThat(SessionOracle.lengthCategory(299)).isEqualTo("short");
        assertThat(SessionOracle.lengthCategory(300)).isEqualTo("medium");
        assertThat(SessionOracle.lengthCategory(1799)).isEqualTo("medium");
        assertThat(SessionOracle.lengthCategory(1800)).isEqualTo("long");
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> sessions) {
        return sessions.stream()
                .sorted(Comparator.comparing(s -> (LocalDateTime) s.get("session_start")))
                .toList();
    }
}
