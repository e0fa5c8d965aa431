package dev.lakehouse.seeds;

import java.time.LocalDate;

/**
 * Formats values exactly as the data contract writes them. Hand-written rather than via
 * {@code String.format}/{@code DateTimeFormatter}: the full data set formats tens of millions of values.
 */
final class SeedFormats {
    /** Date strings cached for 2023..2025, the range generated dates fall in. */
    private static final long FIRST_CACHED_DAY = LocalDate.of(2023, 1, 1).toEpochDay();
    private static final String[] DATES = new String[3 * 366];

    static {
        for (int i = 0; i < DATES.length; i++) {
            DATES[i] = LocalDate.ofEpochDay(FIRST_CACHED_DAY + i).toString();
        }
    }

    private SeedFormats() {}

    /** {@code prefix} followed by {@code value} left-padded with zeros to {@code width} digits. */
    static String padded(String prefix, long value, int width) {
        StringBuilder text = new StringBuilder(prefix.length() + width).append(prefix);
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits).toString();
    }

    static String date(long epochDay) {
        long index = epochDay - FIRST_CACHED_DAY;
        return index >= 0 && index < DATES.length ? DATES[(int) index] : LocalDate.ofEpochDay(epochDay).toString();
    }

    /** {@code YYYY-MM-DD HH:MM:SS}, UTC. */
    static String timestamp(long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) (epochSecond - day * 86_400L);
        StringBuilder text = new StringBuilder(19).append(date(day)).append(' ');
        twoDigits(text, secondOfDay / 3600).append(':');
        twoDigits(text, secondOfDay / 60 % 60).append(':');
        return twoDigits(text, secondOfDay % 60).toString();
    }

    /** A decimal(10,2) from a whole number of hundredths: 1234 → {@code 12.34}. */
    static String hundredths(long value) {
        StringBuilder text = new StringBuilder(12).append(value / 100).append('.');
        return twoDigits(text, (int) (value % 100)).toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
