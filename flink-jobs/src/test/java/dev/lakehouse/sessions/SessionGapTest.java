package dev.lakehouse.sessions;

import static dev.lakehouse.sessions.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.junit.jupiter.api.Test;

class SessionGapTest {
    private static final Duration GAP = SessionGap.DEFAULT;

    @Test
    void defaultGapIsThirtyMinutes() {
        assertThat(SessionGap.DEFAULT).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void eventsExactlyOneGapApartShareASession() {
        assertThat(SessionGap.sameSession(T0, T0.plusMinutes(30), GAP)).isTrue();
    }

    @Test
    void oneSecondMoreThanTheGapStartsANewSession() {
        assertThat(SessionGap.sameSession(T0, T0.plusMinutes(30).plusSeconds(1), GAP)).isFalse();
    }

    @Test
    void orderOfTheTwoTimesDoesNotMatter() {
        assertThat(SessionGap.sameSession(T0.plusMinutes(30), T0, GAP)).isTrue();
        assertThat(SessionGap.sameSession(T0.plusMinutes(31), T0, GAP)).isFalse();
    }

    @Test
    void millisecondsFollowTheSameRule() {
        long t = millis(T0);
        assertThat(SessionGap.sameSession(t, t + GAP.toMillis(), GAP)).isTrue();
        assertThat(SessionGap.sameSession(t, t + GAP.toMillis() + 1, GAP)).isFalse();
        assertThat(SessionGap.sameSession(t, t, GAP)).isTrue();
    }

    @Test
    void gapIsConfigurable() {
        Duration fiveMinutes = Duration.ofMinutes(5);
        assertThat(SessionGap.sameSession(T0, T0.plusMinutes(5), fiveMinutes)).isTrue();
        assertThat(SessionGap.sameSession(T0, T0.plusMinutes(6), fiveMinutes)).isFalse();
    }

    @Test
    void agreesWithHowFlinkMergesSessionWindows() {
        // EventTimeSessionWindows gives each event the window [t, t + gap) and merges intersecting windows.
        long t = millis(T0);
        long gap = GAP.toMillis();
        for (long later : new long[] {t, t + gap - 1, t + gap, t + gap + 1, t + 2 * gap}) {
            boolean flinkMerges = new TimeWindow(t, t + gap).intersects(new TimeWindow(later, later + gap));
            assertThat(SessionGap.sameSession(t, later, GAP)).as("%d ms later", later - t).isEqualTo(flinkMerges);
        }
    }

    private static long millis(java.time.LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
