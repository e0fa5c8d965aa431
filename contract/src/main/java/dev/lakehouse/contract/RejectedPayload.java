package dev.lakehouse.contract;

import java.nio.charset.StandardCharsets;

/**
 * What the dead-letter table keeps of a rejected record's value: the value decoded leniently as UTF-8 (an invalid byte
 * becomes U+FFFD), whole up to {@code maxBytes}, otherwise its first {@code maxBytes} bytes cut at a character boundary.
 * The table records the original size beside it, and the Kafka coordinates lead to the original bytes, so a 5 MB
 * record costs the table no more than a record at the size limit.
 */
public final class RejectedPayload {
    private RejectedPayload() {}

    /** @return null for a record without a value */
    public static String stored(byte[] value, int maxBytes) {
        if (value == null) {
            return null;
        }
        int length = Math.min(value.length, maxBytes);
        if (length < value.length) {
            // Back off over UTF-8 continuation bytes (10xxxxxx), at most 3, so a character is not cut in two.
            int backed = 0;
            while (length > 0 && backed < 3 && (value[length] & 0xC0) == 0x80) {
                length--;
                backed++;
            }
        }
        return new String(value, 0, length, StandardCharsets.UTF_8);
    }

    public static boolean truncated(byte[] value, int maxBytes) {
        return value != null && value.length > maxBytes;
    }
}
