package dev.lakehouse.stack.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident set size of a process, from Linux's {@code /proc/<pid>/status}: what the machine really gives it. */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** Empty where there is no /proc (not Linux) or the process is gone. */
    public static OptionalLong rssBytes(long pid) {
        try {
            return parseVmRss(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The {@code VmRSS:   123456 kB} line of a status file, in bytes. */
    static OptionalLong parseVmRss(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] words = line.substring("VmRSS:".length()).trim().split("\\s+");
                long value = Long.parseLong(words[0]);
                long unit = words.length < 2 ? 1 : switch (words[1].toLowerCase(java.util.Locale.ROOT)) {
                    case "kb" -> 1024L;
                    case "mb" -> 1024L * 1024;
                    case "gb" -> 1024L * 1024 * 1024;
                    default -> 1;
                };
                return OptionalLong.of(value * unit);
            }
        }
        return OptionalLong.empty();
    }
}
