package dev.lakehouse.badinput;

import dev.lakehouse.contract.Source;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What an injection sent, per kind and source topic, with the fate each kind should meet in bronze. */
public record InjectionSummary(List<SentBadRecord> sent) {

    public long count() {
        return sent.size();
    }

    public long rejectedCount() {
        return sent.stream().filter(r -> !r.kind().kept()).count();
    }

    public long keptCount() {
        return sent.stream().filter(r -> r.kind().kept()).count();
    }

    public String describe() {
        Map<BadRecordKind, Map<Source, Long>> counts = new EnumMap<>(BadRecordKind.class);
        long bytes = 0;
        for (SentBadRecord record : sent) {
            counts.computeIfAbsent(record.kind(), k -> new EnumMap<>(Source.class)).merge(record.source(), 1L, Long::sum);
            bytes += record.size();
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format("%-32s %-22s", "kind", "bronze"));
        for (Source source : Source.values()) {
            text.append(String.format(" %21s", source.sourceName()));
        }
        text.append('\n');
        counts.forEach((kind, bySource) -> {
            text.append(String.format("%-32s %-22s", kind.code(), kind.expectedReason().map(r -> "rejected: " + r.code()).orElse("kept")));
            for (Source source : Source.values()) {
                text.append(String.format(" %,21d", bySource.getOrDefault(source, 0L)));
            }
            text.append('\n');
        });
        text.append(String.format("%,d records (%,d bytes): %,d to be rejected, %,d kept%n", count(), bytes, rejectedCount(),
                keptCount()));
        return text.toString();
    }
}
