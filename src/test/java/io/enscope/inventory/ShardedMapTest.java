package io.enscope.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardedMapTest {

    @Test
    void copiesOnWriteAndKeepsTheOriginal() {
        Map<String, Integer> source = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            source.put("k" + i, i);
        }
        ShardedMap<Integer> map = ShardedMap.copyOf(source);

        ShardedMap<Integer> changed = map.with("k5", 50).with("new", 1).without("k7");

        assertThat(map.size()).isEqualTo(1_000);
        assertThat(map.get("k5")).isEqualTo(5);
        assertThat(map.get("k7")).isEqualTo(7);
        assertThat(map.get("new")).isNull();
        assertThat(changed.size()).isEqualTo(1_000);
        assertThat(changed.get("k5")).isEqualTo(50);
        assertThat(changed.get("k7")).isNull();
        assertThat(changed.get("new")).isEqualTo(1);
        assertThat(changed.get(null)).isNull();
        assertThat(map.with("k1", 1)).isSameAs(map);
        assertThat(map.without("absent")).isSameAs(map);

        Map<String, Integer> seen = new HashMap<>();
        changed.forEach(seen::put);
        assertThat(seen).hasSize(1_000).containsEntry("new", 1).doesNotContainKey("k7");
    }
}
