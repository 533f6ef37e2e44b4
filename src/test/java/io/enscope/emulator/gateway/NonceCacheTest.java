package io.enscope.emulator.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NonceCacheTest {
    private static final long MINUTE = 60_000L;

    @Test
    void aFullCacheRefusesNewNoncesInsteadOfGrowing() {
        NonceCache cache = new NonceCache(3);
        for (int i = 0; i < 3; i++) {
            assertThat(cache.firstUse("key", "n" + i, 0)).isTrue();
        }
        assertThatThrownBy(() -> cache.firstUse("key", "n3", MINUTE))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("ServiceUnavailable");
                });
    }

    @Test
    void expiredNoncesMakeRoomAgain() {
        NonceCache cache = new NonceCache(3);
        for (int i = 0; i < 3; i++) {
            assertThat(cache.firstUse("key", "n" + i, 0)).isTrue();
        }
        assertThat(cache.firstUse("key", "n3", 21 * MINUTE)).isTrue();
        assertThat(cache.firstUse("key", "n3", 21 * MINUTE)).isFalse();
    }
}
