package dev.lakehouse.badinput;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

/**
 * What one bad record is made from.
 *
 * @param random the generator's seeded random: the only source of variety, so a seed gives the same bytes
 * @param primaryKey the id a row-shaped record carries (unique per generated record)
 * @param eventTime the event time of a row-shaped record
 * @param maxRecordBytes the job's record size limit, for the records just at and just over it
 */
record BadRecordContext(Random random, String primaryKey, LocalDateTime eventTime, int maxRecordBytes) {

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
