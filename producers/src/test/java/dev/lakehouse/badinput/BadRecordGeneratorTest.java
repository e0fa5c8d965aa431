package dev.lakehouse.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import dev.lakehouse.contract.ColumnType;
import dev.lakehouse.contract.ParseResult;
import dev.lakehouse.contract.RejectReason;
import dev.lakehouse.contract.RowParser;
import dev.lakehouse.contract.Source;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BadRecordGeneratorTest {
    private static final int LIMIT = RowParser.DEFAULT_MAX_RECORD_BYTES;
    private static final LocalDateTime EVENT_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final List<BadRecord> MIX = new BadRecordGenerator(7, LIMIT, EVENT_TIME).all(400);

    private final RowParser parser = new RowParser(LIMIT);

    @Test
    void aFewHundredRecordsHoldEveryKindOnEverySourceItAppliesTo() {
        Set<BadRecordGenerator.Pair> produced = MIX.stream().map(r -> new BadRecordGenerator.Pair(r.kind(), r.source()))
                .collect(Collectors.toSet());

        assertThat(produced).containsExactlyInAnyOrderElementsOf(BadRecordGenerator.pairs());
        assertThat(MIX.stream().map(BadRecord::kind).collect(Collectors.toSet())).containsExactlyInAnyOrder(BadRecordKind.values());
        assertThat(MIX.stream().map(BadRecord::source).collect(Collectors.toSet())).containsExactlyInAnyOrder(Source.values());
    }

    @Test
    void everyRecordMeetsTheFateItsKindClaims() {
        for (BadRecord record : MIX) {
            ParseResult result = parser.parseRecord(record.source(), record.value());
            if (record.kind().kept()) {
                assertThat(result).as(describe(record)).isInstanceOf(ParseResult.Accepted.class);
                assertThat(((ParseResult.Accepted) result).row().primaryKey()).isEqualTo(record.primaryKey());
            } else {
                assertThat(result).as(describe(record)).isInstanceOf(ParseResult.Rejected.class);
                assertThat(((ParseResult.Rejected) result).reason()).as(describe(record))
                        .isEqualTo(record.expectedReason().orElseThrow());
            }
        }
    }

    @Test
    void invalidUtf8KindsDoNotDecode() {
        List<BadRecord> invalid = of(BadRecordKind.BINARY_GARBAGE, BadRecordKind.INVALID_UTF8_IN_FIELD);

        assertThat(invalid).isNotEmpty().allSatisfy(record -> assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder()
                .decode(ByteBuffer.wrap(record.value()))).isInstanceOf(CharacterCodingException.class));
    }

    @Test
    void wrongColumnCountKindsHaveAnotherCount() throws Exception {
        for (BadRecord record : of(BadRecordKind.TOO_FEW_COLUMNS, BadRecordKind.TOO_MANY_COLUMNS)) {
            int columns = CsvReader.builder().ofCsvRecord(new String(record.value(), StandardCharsets.UTF_8)).stream()
                    .findFirst().orElseThrow().getFieldCount();
            int expected = record.source().columns().size();
            if (record.kind() == BadRecordKind.TOO_FEW_COLUMNS) {
                assertThat(columns).as(describe(record)).isBetween(1, expected - 1);
            } else {
                assertThat(columns).as(describe(record)).isGreaterThan(expected);
            }
        }
    }

    @Test
    void unparseableKindsBreakOneColumnOfTheirTypeInEverySourceThatHasOne() {
        Map<BadRecordKind, ColumnType> types = Map.of(
                BadRecordKind.UNPARSEABLE_INT, ColumnType.INT,
                BadRecordKind.UNPARSEABLE_DECIMAL, ColumnType.DECIMAL,
                BadRecordKind.UNPARSEABLE_DOUBLE, ColumnType.DOUBLE,
                BadRecordKind.UNPARSEABLE_TIMESTAMP, ColumnType.TIMESTAMP,
                BadRecordKind.UNPARSEABLE_DATE, ColumnType.DATE);
        types.forEach((kind, type) -> {
            Set<Source> withType = EnumSet.noneOf(Source.class);
            for (Source source : Source.values()) {
                if (!BadRecordKind.columnsOf(source, type).isEmpty()) {
                    withType.add(source);
                }
            }
            List<BadRecord> records = of(kind);
            assertThat(records.stream().map(BadRecord::source).collect(Collectors.toSet())).as(kind.code()).isEqualTo(withType);
            for (BadRecord record : records) {
                String detail = ((ParseResult.Rejected) parser.parseRecord(record.source(), record.value())).detail();
                String column = detail.substring(0, detail.indexOf(' '));
                assertThat(record.source().columns().get(record.source().columnIndex(column)).type()).as(detail).isEqualTo(type);
            }
        });
    }

    @Test
    void sizeKindsSitAtTheLimitAndFiveMegabytesHappensOncePerSource() {
        assertThat(of(BadRecordKind.AT_SIZE_LIMIT)).allSatisfy(r -> assertThat(r.size()).isEqualTo(LIMIT));
        assertThat(of(BadRecordKind.ONE_BYTE_OVER_LIMIT)).allSatisfy(r -> assertThat(r.size()).isEqualTo(LIMIT + 1));
        assertThat(of(BadRecordKind.HUGE_5MB)).hasSize(Source.values().length)
                .allSatisfy(r -> assertThat(r.size()).isEqualTo(5 * 1024 * 1024));
        assertThat(of(BadRecordKind.EMPTY_VALUE)).allSatisfy(r -> assertThat(r.value()).isEmpty());
        assertThat(of(BadRecordKind.NULL_VALUE)).allSatisfy(r -> assertThat(r.value()).isNull());
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        List<BadRecord> again = new BadRecordGenerator(7, LIMIT, EVENT_TIME).all(400);
        List<BadRecord> other = new BadRecordGenerator(8, LIMIT, EVENT_TIME).all(400);

        for (int i = 0; i < MIX.size(); i++) {
            assertThat(again.get(i).kind()).isEqualTo(MIX.get(i).kind());
            assertThat(again.get(i).value()).isEqualTo(MIX.get(i).value());
        }
        assertThat(other.stream().map(BadRecord::kind).toList()).isNotEqualTo(MIX.stream().map(BadRecord::kind).toList());
    }

    @Test
    void keptRowsHaveUniquePrimaryKeys() {
        List<String> keys = MIX.stream().filter(r -> r.kind().kept()).map(BadRecord::primaryKey).toList();

        assertThat(new HashSet<>(keys)).hasSameSizeAs(keys);
        assertThat(keys).allSatisfy(key -> assertThat(key).contains("-BAD-7-"));
    }

    @Test
    void everyRejectedKindHasAReasonAndTheKeptOnesNone() {
        assertThat(EnumSet.allOf(BadRecordKind.class).stream().filter(BadRecordKind::kept)).containsExactlyInAnyOrder(
                BadRecordKind.AT_SIZE_LIMIT, BadRecordKind.UNKNOWN_ENUM_VALUE, BadRecordKind.NEGATIVE_STOCK,
                BadRecordKind.FEE_ABOVE_AMOUNT, BadRecordKind.RESOLVED_BEFORE_FIRST_RESPONSE);
        assertThat(BadRecordKind.RESPONSE_BEFORE_CREATION.expectedReason()).contains(RejectReason.TIME_BEFORE_CREATION);
    }

    private static List<BadRecord> of(BadRecordKind... kinds) {
        Set<BadRecordKind> wanted = Set.of(kinds);
        return MIX.stream().filter(r -> wanted.contains(r.kind())).toList();
    }

    private static String describe(BadRecord record) {
        String text = record.value() == null ? "null" : new String(record.value(), 0, Math.min(200, record.size()), StandardCharsets.UTF_8);
        return record.kind() + " on " + record.source() + ": " + text;
    }
}
