package dev.lakehouse.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SeedUnitsTest {

    @Test
    void formatsLikeTheContract() {
        long second = LocalDateTime.of(2024, 2, 29, 7, 5, 9).toEpochSecond(ZoneOffset.UTC);
        assertThat(SeedFormats.timestamp(second)).isEqualTo("2024-02-29 07:05:09");
        assertThat(SeedFormats.timestamp(Year2024.LAST_SECOND)).isEqualTo("2024-12-31 23:59:59");
        assertThat(SeedFormats.hundredths(1005)).isEqualTo("10.05");
        assertThat(SeedFormats.hundredths(7)).isEqualTo("0.07");
        assertThat(SeedFormats.padded("CUST", 42, 6)).isEqualTo("CUST000042");
    }

    @Test
    void dailyQuotasAddUpExactly() {
        for (long total : new long[] {0, 1, 365, 366, 367, 5000, 2_000_000, 123_456_789}) {
            DailyQuota seasonal = DailyQuota.seasonal(total);
            DailyQuota flat = DailyQuota.flat(total);
            long seasonalSum = 0;
            long flatSum = 0;
            for (int day = 0; day < Year2024.DAYS; day++) {
                seasonalSum += seasonal.forDay(day);
                flatSum += flat.forDay(day);
            }
            assertThat(seasonalSum).isEqualTo(total);
            assertThat(flatSum).isEqualTo(total);
        }
    }

    @Test
    void scaleAndOverridesGiveTheCounts() {
        assertThat(SeedCounts.scaled(1.0)).isEqualTo(SeedCounts.FULL);
        assertThat(SeedCounts.scaled(0.01)).isEqualTo(new SeedCounts(20_000, 10_000, 5_000, 3_000));
        assertThatThrownBy(() -> SeedCounts.scaled(-1)).isInstanceOf(IllegalArgumentException.class);

        SeedGenerator command = new SeedGenerator();
        new CommandLine(command).parseArgs("--out", "x", "--scale", "0.5", "--payment-transactions", "3000");
        assertThat(command.counts()).isEqualTo(new SeedCounts(1_000_000, 3000, 250_000, 150_000));
        assertThat(command.seed).isEqualTo(42);
    }
}
