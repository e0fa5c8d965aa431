package dev.lakehouse.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionLengthCategoryTest {

    @ParameterizedTest(name = "{0} s is {1}")
    @CsvSource({
        "0, VERY_SHORT",
        "29, VERY_SHORT",
        "30, SHORT",
        "299, SHORT",
        "300, MEDIUM",
        "1799, MEDIUM",
        "1800, LONG",
        "86400, LONG",
    })
    void boundsAreExclusive(long seconds, SessionLengthCategory expected) {
        assertThat(SessionLengthCategory.of(seconds)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"VERY_SHORT, very_short", "SHORT, short", "MEDIUM, medium", "LONG, long"})
    void codesAreTheTableValues(SessionLengthCategory category, String code) {
        assertThat(category.code()).isEqualTo(code);
    }
}
