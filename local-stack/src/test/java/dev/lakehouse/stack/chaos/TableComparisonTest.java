package dev.lakehouse.stack.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableComparisonTest {

    private static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void equalTablesCountNothing() {
        TableComparison comparison = new TableComparison(List.of("id"), Set.of("kafka_offset"));
        comparison.addReference(row("id", "a", "amount", new BigDecimal("1.50"), "kafka_offset", 1L));
        comparison.addReference(row("id", "b", "amount", new BigDecimal("2"), "kafka_offset", 2L));
        // Another order, other offsets (excluded), the same values written otherwise.
        comparison.addChaos(row("id", "b", "amount", new BigDecimal("2.00"), "kafka_offset", 7L));
        comparison.addChaos(row("id", "a", "amount", new BigDecimal("1.5"), "kafka_offset", 9L));

        TableComparison.Result result = comparison.result("t");

        assertThat(result.equal()).isTrue();
        assertThat(result.referenceRows()).isEqualTo(2);
        assertThat(result.chaosRows()).isEqualTo(2);
        assertThat(result.examples()).isEmpty();
    }

    @Test
    void countsLostDoubledAndDifferingRowsByKey() {
        TableComparison comparison = new TableComparison(List.of("id"), Set.of());
        comparison.addReference(row("id", "lost", "v", 1));
        comparison.addReference(row("id", "doubled", "v", 2));
        comparison.addReference(row("id", "changed", "v", 3));
        comparison.addReference(row("id", "same", "v", 4));
        comparison.addChaos(row("id", "doubled", "v", 2));
        comparison.addChaos(row("id", "doubled", "v", 2));
        comparison.addChaos(row("id", "doubled", "v", 2));
        comparison.addChaos(row("id", "changed", "v", 30));
        comparison.addChaos(row("id", "same", "v", 4L));

        TableComparison.Result result = comparison.result("t");

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.doubled()).isEqualTo(2);
        assertThat(result.differing()).isEqualTo(1);
        assertThat(result.equal()).isFalse();
        assertThat(result.examples()).containsExactlyInAnyOrder("lost 1 × {id=lost}", "doubled 2 × {id=doubled}", "differing {id=changed}");
    }

    @Test
    void withoutKeysWholeRowsAreCountedAsAMultiset() {
        TableComparison comparison = new TableComparison(List.of(), Set.of("detected_at"));
        comparison.addReference(row("x", 1, "detected_at", 5L));
        comparison.addReference(row("x", 1, "detected_at", 6L));
        comparison.addReference(row("x", 2, "detected_at", 6L));
        comparison.addChaos(row("x", 1, "detected_at", 99L));
        comparison.addChaos(row("x", 3, "detected_at", 99L));

        TableComparison.Result result = comparison.result("t");

        assertThat(result.lost()).as("one x=1 and the x=2").isEqualTo(2);
        assertThat(result.doubled()).as("x=3, which no reference row has").isEqualTo(1);
        assertThat(result.differing()).isZero();
    }

    @Test
    void valuesCompareAsTheirMeaningNotTheirJavaType() {
        assertThat(TableComparison.normalised(3)).isEqualTo(TableComparison.normalised(3L));
        assertThat(TableComparison.normalised(0.1 + 0.2)).isEqualTo(TableComparison.normalised(0.3));
        assertThat(TableComparison.normalised(0.3)).isNotEqualTo(TableComparison.normalised(0.31));
        assertThat(TableComparison.normalised(new BigDecimal("0.00"))).isEqualTo(TableComparison.normalised(BigDecimal.ZERO));
        assertThat(TableComparison.normalised(LocalDateTime.of(2024, 1, 2, 3, 4)))
                .isEqualTo(TableComparison.normalised(OffsetDateTime.of(2024, 1, 2, 5, 4, 0, 0, ZoneOffset.ofHours(2))));
        assertThat(TableComparison.normalised(null)).isEqualTo("NULL");
    }
}
