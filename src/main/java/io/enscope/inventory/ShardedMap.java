package io.enscope.inventory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An immutable map from IDs to values, split into a fixed number of shards so that a changed
 * copy shares every shard but one. It exists for {@link Inventory#withHaVip}: a poll result
 * replaces one HaVip, and copying whole indexes of thousands of entries for that would make the
 * "update without a full reload" nearly as costly as the copy it avoids.
 *
 * @param <V> the value type
 */
final class ShardedMap<V> {

    private static final int SHARD_BITS = 6;
    private static final int SHARDS = 1 << SHARD_BITS;

    private final Map<String, V>[] shards;
    private final int size;

    private ShardedMap(Map<String, V>[] shards, int size) {
        this.shards = shards;
        this.size = size;
    }

    /**
     * @param source the entries; neither keys nor values may be null
     * @param <V>    the value type
     * @return an immutable copy
     */
    static <V> ShardedMap<V> copyOf(Map<String, V> source) {
        Map<String, V>[] building = newShards();
        for (int i = 0; i < SHARDS; i++) {
            building[i] = new HashMap<>();
        }
        source.forEach((key, value) -> building[shardOf(key)].put(key, value));
        Map<String, V>[] frozen = newShards();
        for (int i = 0; i < SHARDS; i++) {
            frozen[i] = Map.copyOf(building[i]);
        }
        return new ShardedMap<>(frozen, source.size());
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V>[] newShards() {
        return (Map<String, V>[]) new Map<?, ?>[SHARDS];
    }

    private static int shardOf(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16) ^ (h >>> SHARD_BITS)) & (SHARDS - 1);
    }

    /**
     * @param key an ID, may be null
     * @return its value, or null
     */
    V get(String key) {
        return key == null ? null : shards[shardOf(key)].get(key);
    }

    /** @return the number of entries */
    int size() {
        return size;
    }

    /**
     * @param key   an ID
     * @param value its new value
     * @return a copy with the entry set; this map when nothing changes
     */
    ShardedMap<V> with(String key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        int shard = shardOf(key);
        V old = shards[shard].get(key);
        if (value.equals(old)) {
            return this;
        }
        Map<String, V> changed = new HashMap<>(shards[shard]);
        changed.put(key, value);
        return replace(shard, changed, old == null ? size + 1 : size);
    }

    /**
     * @param key an ID
     * @return a copy without the entry; this map when there is none
     */
    ShardedMap<V> without(String key) {
        if (key == null) {
            return this;
        }
        int shard = shardOf(key);
        if (!shards[shard].containsKey(key)) {
            return this;
        }
        Map<String, V> changed = new HashMap<>(shards[shard]);
        changed.remove(key);
        return replace(shard, changed, size - 1);
    }

    /**
     * Sets and removes many entries at once, copying each shard they touch once.
     *
     * @param puts     entries to set; neither keys nor values may be null
     * @param removals keys to remove (a key also in {@code puts} is set, not removed)
     * @return the copy; this map when nothing changes
     */
    ShardedMap<V> withAll(Map<String, V> puts, Collection<String> removals) {
        Map<String, V>[] copy = null;
        int newSize = size;
        for (Map.Entry<String, V> entry : puts.entrySet()) {
            String key = Objects.requireNonNull(entry.getKey(), "key");
            V value = Objects.requireNonNull(entry.getValue(), "value");
            int shard = shardOf(key);
            V old = (copy == null ? shards : copy)[shard].get(key);
            if (value.equals(old)) {
                continue;
            }
            copy = writable(copy, shard);
            copy[shard].put(key, value);
            newSize += old == null ? 1 : 0;
        }
        for (String key : removals) {
            if (key == null || puts.containsKey(key)) {
                continue;
            }
            int shard = shardOf(key);
            if (!(copy == null ? shards : copy)[shard].containsKey(key)) {
                continue;
            }
            copy = writable(copy, shard);
            copy[shard].remove(key);
            newSize--;
        }
        if (copy == null) {
            return this;
        }
        for (int i = 0; i < SHARDS; i++) {
            if (copy[i] != shards[i]) {
                copy[i] = Map.copyOf(copy[i]);
            }
        }
        return new ShardedMap<>(copy, newSize);
    }

    /** The shards, with {@code shard} replaced by a mutable copy unless it already is one. */
    private Map<String, V>[] writable(Map<String, V>[] copy, int shard) {
        Map<String, V>[] result = copy == null ? shards.clone() : copy;
        if (result[shard] == shards[shard]) {
            result[shard] = new HashMap<>(shards[shard]);
        }
        return result;
    }

    private ShardedMap<V> replace(int shard, Map<String, V> changed, int newSize) {
        Map<String, V>[] copy = shards.clone();
        copy[shard] = Map.copyOf(changed);
        return new ShardedMap<>(copy, newSize);
    }

    /** @param action called for every entry, in no particular order */
    void forEach(BiConsumer<String, V> action) {
        for (Map<String, V> shard : shards) {
            shard.forEach(action);
        }
    }
}
