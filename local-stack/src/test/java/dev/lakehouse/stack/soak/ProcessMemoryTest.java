package dev.lakehouse.stack.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void readsVmRssInBytes() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  123456 kB\nThreads:\t42\n";
        assertThat(ProcessMemory.parseVmRss(status)).hasValue(123456L * 1024);
        assertThat(ProcessMemory.parseVmRss("Name:\tkthreadd\n")).isEmpty();
    }

    @Test
    void thisProcessHasAResidentSetOnLinux() {
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(ProcessMemory.rssBytes(ProcessHandle.current().pid()).orElseThrow()).isGreaterThan(1 << 20);
        }
        assertThat(ProcessMemory.rssBytes(Long.MAX_VALUE)).isEmpty();
    }
}
