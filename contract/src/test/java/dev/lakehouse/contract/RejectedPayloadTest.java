package dev.lakehouse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RejectedPayloadTest {

    @Test
    void keepsAValueUpToTheLimitWhole() {
        byte[] value = "abcdef".getBytes(StandardCharsets.UTF_8);

        assertThat(RejectedPayload.stored(value, 6)).isEqualTo("abcdef");
        assertThat(RejectedPayload.truncated(value, 6)).isFalse();
    }

    @Test
    void cutsALargerValueAtTheLimit() {
        byte[] huge = new byte[5 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');

        assertThat(RejectedPayload.stored(huge, 65_536)).hasSize(65_536);
        assertThat(RejectedPayload.truncated(huge, 65_536)).isTrue();
    }

    @Test
    void neverCutsACharacterInTwo() {
        byte[] value = "ab€cd".getBytes(StandardCharsets.UTF_8); // € is 3 bytes: a b E2 82 AC c d

        assertThat(RejectedPayload.stored(value, 3)).isEqualTo("ab");
        assertThat(RejectedPayload.stored(value, 4)).isEqualTo("ab");
        assertThat(RejectedPayload.stored(value, 5)).isEqualTo("ab€");
    }

    @Test
    void decodesInvalidBytesAsReplacementCharacters() {
        assertThat(RejectedPayload.stored(new byte[] {'a', (byte) 0xFF, 'b'}, 10)).isEqualTo("a\uFFFDb");
        assertThat(RejectedPayload.stored(null, 10)).isNull();
    }
}
