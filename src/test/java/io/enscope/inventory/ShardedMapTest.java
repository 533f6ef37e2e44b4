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

        ShardedMap<Integer> batch = map.withAll(Map.of("k5", 50, "new", 1, "k1", 1),
                java.util.List.of("k7", "absent", "new"));
        Map<String, Integer> batchSeen = new HashMap<>();
        batch.forEach(batchSeen::put);
        Map<String, Integer> oneByOne = new HashMap<>();
        changed.forEach(oneByOne::put);
        assertThat(batchSeen).as("the same entries as one change at a time").isEqualTo(oneByOne);
        assertThat(batch.size()).isEqualTo(1_000);
        assertThat(batch.get("new")).as("a key both set and removed is set").isEqualTo(1);
        assertThat(map.withAll(Map.of("k1", 1), java.util.List.of("absent"))).isSameAs(map);
        assertThat(map.get("k5")).as("the original is untouched").isEqualTo(5);

        Map<String, Integer> seen = new HashMap<>();
        changed.forEach(seen::put);
        assertThat(seen).hasSize(1_000).containsEntry("new", 1).doesNotContainKey("k7");
    }
}
