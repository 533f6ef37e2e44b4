package io.enscope.ui.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.collections.ObservableList;

/**
 * A table's source list of rows, one per key, kept in step with the items it shows: rows are
 * updated in place (so the selection and the table's scroll position survive a refresh), new
 * ones are added and missing ones removed in one list change each. Thousands of single-row
 * changes would each go through the filtered and sorted lists and the table.
 * FX thread only, like the list it holds.
 *
 * @param <K> the key of a row, such as a resource or job ID
 * @param <R> the row
 */
public final class KeyedRows<K, R> {

    private final ObservableList<R> rows;
    private final Function<? super R, ? extends K> keyOfRow;
    private final Map<K, R> byKey = new HashMap<>();

    /**
     * @param rows     the source list the table's pipeline is built on; this class owns its content
     * @param keyOfRow the key a row was made for
     */
    public KeyedRows(ObservableList<R> rows, Function<? super R, ? extends K> keyOfRow) {
        this.rows = rows;
        this.keyOfRow = keyOfRow;
    }

    /** @return the rows, in the order they were added */
    public ObservableList<R> rows() {
        return rows;
    }

    /** @return the row for {@code key}, or null */
    public R get(K key) {
        return byKey.get(key);
    }

    public boolean containsKey(K key) {
        return byKey.containsKey(key);
    }

    /** @return the keys that have a row, read-only */
    public Set<K> keys() {
        return Collections.unmodifiableSet(byKey.keySet());
    }

    public int size() {
        return byKey.size();
    }

    /**
     * Makes the rows those of {@code items}: see {@link #sync(Iterable, Function, Function, BiConsumer, Consumer)}.
     */
    public <M> void sync(Iterable<? extends M> items, Function<? super M, ? extends K> keyOf,
                         Function<? super M, ? extends R> create, BiConsumer<? super R, ? super M> update) {
        sync(items, keyOf, create, update, gone -> { });
    }

    /**
     * Makes the rows those of {@code items}: an item whose key has a row updates it, the others
     * get a new row (added at the end), and rows whose key is not among the items are removed.
     * Items without a key, and every item after the first with the same key, are skipped (here
     * and in {@link #merge}).
     *
     * @param leaving told of the rows about to be removed (not called when none are), while they are
     *                still in the list, so a selection can let go of them first
     */
    public <M> void sync(Iterable<? extends M> items, Function<? super M, ? extends K> keyOf,
                         Function<? super M, ? extends R> create, BiConsumer<? super R, ? super M> update,
                         Consumer<? super Set<R>> leaving) {
        Set<K> wanted = new HashSet<>();
        List<R> added = upsert(items, keyOf, create, update, wanted);
        if (byKey.size() > wanted.size()) {
            Set<R> gone = identitySet();
            byKey.values().removeIf(row -> !wanted.contains(keyOfRow.apply(row)) && gone.add(row));
            leaving.accept(Collections.unmodifiableSet(gone));
            if (gone.size() == rows.size()) {
                rows.setAll(added);
                return;
            }
            rows.removeAll(gone);
        }
        if (!added.isEmpty()) {
            rows.addAll(added);
        }
    }

    /**
     * Like {@link #sync} but keeps the rows whose key is not among {@code items}: for lists that
     * hear of their items one change at a time.
     */
    public <M> void merge(Iterable<? extends M> items, Function<? super M, ? extends K> keyOf,
                          Function<? super M, ? extends R> create, BiConsumer<? super R, ? super M> update) {
        List<R> added = upsert(items, keyOf, create, update, new HashSet<>());
        if (!added.isEmpty()) {
            rows.addAll(added);
        }
    }

    /** Updates the rows of the items' keys and makes the missing ones, which it returns but does not list yet. */
    private <M> List<R> upsert(Iterable<? extends M> items, Function<? super M, ? extends K> keyOf,
                               Function<? super M, ? extends R> create, BiConsumer<? super R, ? super M> update,
                               Set<K> seen) {
        List<R> added = new ArrayList<>();
        for (M item : items) {
            K key = keyOf.apply(item);
            if (key == null || !seen.add(key)) {
                continue;
            }
            R row = byKey.get(key);
            if (row == null) {
                row = create.apply(item);
                // in the map at once, so creating a later item of the batch can find it
                byKey.put(key, row);
                added.add(row);
            } else {
                update.accept(row, item);
            }
        }
        return added;
    }

    /**
     * Removes the rows that match, in one list change.
     *
     * @return the removed rows, in list order
     */
    public List<R> removeIf(Predicate<? super R> filter) {
        List<R> removed = rows.stream().filter(filter).toList();
        if (removed.isEmpty()) {
            return removed;
        }
        Set<R> gone = identitySet();
        gone.addAll(removed);
        byKey.values().removeIf(gone::contains);
        rows.removeAll(gone);
        return removed;
    }

    private static <R> Set<R> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
