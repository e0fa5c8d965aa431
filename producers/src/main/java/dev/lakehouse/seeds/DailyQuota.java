package dev.lakehouse.seeds;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Splits a total row count over the 366 days of 2024 so that the daily counts add up to the total exactly.
 * Seasonal weights give busier weekends and a busy November/December; inventory uses flat weights.
 */
final class DailyQuota {
    private final long[] cumulativeWeight = new long[Year2024.DAYS + 1];
    private final long total;

    private DailyQuota(long total, boolean seasonal) {
        this.total = total;
        for (int day = 0; day < Year2024.DAYS; day++) {
            cumulativeWeight[day + 1] = cumulativeWeight[day] + (seasonal ? seasonalWeight(day) : 1);
        }
    }

    static DailyQuota seasonal(long total) {
        return new DailyQuota(total, true);
    }

    static DailyQuota flat(long total) {
        return new DailyQuota(total, false);
    }

    /** Rows for {@code day}: floor of the cumulative share up to the end of the day minus that up to its start. */
    long forDay(int day) {
        long weightSum = cumulativeWeight[Year2024.DAYS];
        return share(cumulativeWeight[day + 1], weightSum) - share(cumulativeWeight[day], weightSum);
    }

    /** The most rows any single day gets. */
    long maxPerDay() {
        long max = 0;
        for (int day = 0; day < Year2024.DAYS; day++) {
            max = Math.max(max, forDay(day));
        }
        return max;
    }

    private long share(long cumulative, long weightSum) {
        // floor(total * cumulative / weightSum) without overflowing: total = q * weightSum + r, and r * cumulative is small.
        return Math.multiplyExact(total / weightSum, cumulative) + (total % weightSum) * cumulative / weightSum;
    }

    private static long seasonalWeight(int day) {
        LocalDate date = LocalDate.ofEpochDay(Year2024.epochDay(day));
        long weight = 100;
        DayOfWeek dayOfWeek = date.getDayOfWeek();
        if (dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY) {
            weight += 20;
        }
        switch (date.getMonthValue()) {
            case 11 -> weight += 30;
            case 12 -> weight += 40;
            case 1, 2 -> weight -= 10;
            default -> { }
        }
        return weight;
    }
}
