package dev.lakehouse.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.oracle.RowComparison.Kind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowComparisonTest {
    private static final List<String> KEY = List.of("id");

    @Test
    void equalTablesInAnyRowOrderHaveNoDifferences() {
        List<Map<String, Object>> expected = List.of(row("id", "a", "n", 1L), row("id", "b", "n", 2L));
        List<Map<String, Object>> actual = List.of(row("id", "b", "n", 2L), row("id", "a", "n", 1L));

        RowComparison.Result result = RowComparison.compare(expected, actual, KEY);

        assertThat(result.isEmpty()).isTrue();
        assertThat(result).hasToString("tables equal (2 rows)");
        RowComparison.assertSame(expected, actual, "id");
    }

    @Test
    void reportsMissingExtraAndDifferingRowsWithBothValues() {
        List<Map<String, Object>> expected = List.of(row("id", "a", "n", 1L, "s", "x"), row("id", "b", "n", 2L));
        List<Map<String, Object>> actual = List.of(row("id", "a", "n", 5L, "s", null), row("id", "c", "n", 3L));

        RowComparison.Result result = RowComparison.compare(expected, actual, KEY);

        assertThat(result.count(Kind.MISSING)).isEqualTo(1);
        assertThat(result.count(Kind.EXTRA)).isEqualTo(1);
        assertThat(result.count(Kind.DIFFERENT)).isEqualTo(1);
        assertThat(result.toString())
                .contains("3 differences between 2 expected and 2 actual rows")
                .contains("DIFFERENT {id=a}: n: expected 1 (Long) but was 5 (Long); s: expected 'x' (String) but was NULL")
                .contains("MISSING {id=b}")
                .contains("EXTRA {id=c}");
        assertThatThrownBy(() -> RowComparison.assertSame(expected, actual, KEY))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("MISSING {id=b}");
    }

    @Test
    void keepsOnlyTheFirstDifferencesButCountsAll() {
        List<Map<String, Object>> expected = List.of(row("id", "a"), row("id", "b"), row("id", "c"));

        RowComparison.Result result = RowComparison.compare(expected, List.of(), KEY, 2);

        assertThat(result.differenceCount()).isEqualTo(3);
        assertThat(result.differences()).hasSize(2);
        assertThat(result.toString()).contains("the first 2");
    }

    @Test
    void duplicateKeysAndAbsentColumnsAreDifferences() {
        List<Map<String, Object>> expected = List.of(row("id", "a", "n", 1L));
        List<Map<String, Object>> actual = List.of(row("id", "a"), row("id", "a"));

        RowComparison.Result result = RowComparison.compare(expected, actual, KEY);

        assertThat(result.count(Kind.DUPLICATE_KEY)).isEqualTo(1);
        assertThat(result.toString()).contains("n: expected 1 (Long) but the column is absent");
    }

    @Test
    void extraActualColumnsAreIgnored() {
        assertThat(RowComparison.compare(List.of(row("id", "a")), List.of(row("id", "a", "detected_at", 1L)), KEY)
                .isEmpty()).isTrue();
    }

    @Test
    void numbersCompareByValueAcrossTypes() {
        assertThat(RowComparison.sameValue(3, 3L)).isTrue();
        assertThat(RowComparison.sameValue(3, 4L)).isFalse();
        assertThat(RowComparison.sameValue(new BigDecimal("1.50"), new BigDecimal("1.5"))).isTrue();
        assertThat(RowComparison.sameValue(new BigDecimal("1.50"), new BigDecimal("1.51"))).isFalse();
        assertThat(RowComparison.sameValue(new BigDecimal("2.00"), 2L)).isTrue();
        assertThat(RowComparison.sameValue(1.0 / 3, 0.3333333333333333)).isTrue();
        assertThat(RowComparison.sameValue(100.0, 100.0 * (1 + 1e-10))).isTrue();
        assertThat(RowComparison.sameValue(100.0, 100.0 * (1 + 1e-8))).isFalse();
        assertThat(RowComparison.sameValue(0.0, 1e-300)).isFalse();
        assertThat(RowComparison.sameValue(6.000000000000001, 6)).isTrue();
        assertThat(RowComparison.sameValue(null, null)).isTrue();
        assertThat(RowComparison.sameValue(null, 0L)).isFalse();
        assertThat(RowComparison.sameValue(true, true)).isTrue();
        assertThat(RowComparison.sameValue("1", 1L)).isFalse();
    }

    @Test
    void dateTimesCompareAsUtcInstants() {
        LocalDateTime local = LocalDateTime.of(2024, 5, 6, 7, 8, 9);
        assertThat(RowComparison.sameValue(local, local.atOffset(ZoneOffset.UTC))).isTrue();
        assertThat(RowComparison.sameValue(local, local.toInstant(ZoneOffset.UTC))).isTrue();
        assertThat(RowComparison.sameValue(local, OffsetDateTime.of(local.plusHours(2), ZoneOffset.ofHours(2))))
                .isTrue();
        assertThat(RowComparison.sameValue(local, local.atOffset(ZoneOffset.ofHours(2)))).isFalse();
        assertThat(RowComparison.sameValue(Instant.EPOCH, "1970-01-01T00:00:00Z")).isFalse();
    }

    @Test
    void keysMatchAcrossValueTypes() {
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        List<Map<String, Object>> expected = List.of(row("id", 1L, "start", start, "v", 1.0));
        List<Map<String, Object>> actual = List.of(row("id", 1, "start", start.atOffset(ZoneOffset.UTC), "v", 1.0));

        RowComparison.assertSame(expected, actual, List.of("id", "start"));
    }

    @Test
    void comparesOracleRows(@TempDir Path dir) {
        List<Map<String, Object>> sessions = TestSeeds.in(dir)
                .event("EVT1", "CUST1", "SESS1", "page_view", "2024-01-01 10:00:00", "")
                .oracle().customerSessions();
        Map<String, Object> altered = new HashMap<>(sessions.get(0));
        altered.put("total_events", 2);

        RowComparison.Result result = RowComparison.compare(sessions, List.of(altered),
                SilverOracle.CUSTOMER_SESSIONS_KEY);

        assertThat(result.toString()).contains("total_events: expected 1 (Long) but was 2 (Integer)");
    }

    /** A row from alternating column names and values; values may be null. */
    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }
}
