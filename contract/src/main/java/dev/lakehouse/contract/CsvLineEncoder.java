package dev.lakehouse.contract;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.StringWriter;
import java.util.List;

/**
 * Writes one row as one RFC 4180 CSV record without a line end: the value format of every source topic.
 * Not thread-safe; it reuses its buffer.
 */
public final class CsvLineEncoder {
    private final StringWriter buffer = new StringWriter(512);
    private final CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(0).build(buffer);

    public String encode(List<String> fields) {
        buffer.getBuffer().setLength(0);
        writer.writeRecord(fields);
        StringBuffer text = buffer.getBuffer();
        return text.substring(0, text.length() - 1);
    }
}
