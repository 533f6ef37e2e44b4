package io.enscope.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyedRowsTest {

    /** A row whose text an update changes in place. */
    private static final class Row {
        final String id;
        String text;

        Row(Item item) {
            this.id = item.id();
            this.text = item.text();
        }

        @Override
        public String toString() {
            return id + "=" + text;
        }
    }

    private record Item(String id, String text) {
    }

    private final ObservableList<Row> list = FXCollections.observableArrayList();
    private final KeyedRows<String, Row> rows = new KeyedRows<>(list, row -> row.id);
    private final List<String> changes = new ArrayList<>();

    @BeforeEach
    void recordChanges() {
        // one entry per change event, with the rows it removed and added over all its parts
        list.addListener((ListChangeListener<Row>) change -> {
            int removed = 0;
            int added = 0;
            while (change.next()) {
                removed += change.getRemovedSize();
                added += change.getAddedSize();
            }
            changes.add((removed > 0 ? "-" + removed : "") + (added > 0 ? "+" + added : ""));
        });
    }

    private void sync(Item... items) {
        rows.sync(List.of(items), Item::id, Row::new, (row, item) -> row.text = item.text());
    }

    @Test
    void syncAddsUpdatesInPlaceAndRemovesInOneChangeEach() {
        sync(new Item("a", "1"), new Item("b", "1"), new Item("c", "1"), new Item("d", "1"));
        Row b = rows.get("b");
        changes.clear();

        sync(new Item("b", "2"), new Item("e", "1"), new Item("d", "1"));

        assertThat(list).extracting(Object::toString).containsExactly("b=2", "d=1", "e=1");
        assertThat(rows.get("b")).isSameAs(b);
        assertThat(rows.keys()).containsExactlyInAnyOrder("b", "d", "e");
        // a and c are not adjacent, still one change for both; then one for the new row
        assertThat(changes).containsExactly("-2", "+1");
    }

    @Test
    void syncReplacesAllRowsInOneChangeWhenNoneStays() {
        sync(new Item("a", "1"), new Item("b", "1"));
        changes.clear();

        sync(new Item("c", "1"));

        assertThat(list).extracting(Object::toString).containsExactly("c=1");
        assertThat(changes).containsExactly("-2+1");
        assertThat(rows.containsKey("a")).isFalse();
    }

    @Test
    void syncSkipsItemsWithoutKeyAndLaterDuplicates() {
        sync(new Item("a", "1"), new Item(null, "x"), new Item("a", "2"));

        assertThat(list).extracting(Object::toString).containsExactly("a=1");
        assertThat(rows.size()).isEqualTo(1);
    }

    @Test
    void syncTellsOfLeavingRowsWhileTheyAreStillListed() {
        sync(new Item("a", "1"), new Item("b", "1"));
        Row a = rows.get("a");
        List<Set<Row>> told = new ArrayList<>();
        List<Boolean> listedWhenTold = new ArrayList<>();

        rows.sync(List.of(new Item("b", "1")), Item::id, Row::new, (row, item) -> { }, gone -> {
            told.add(Set.copyOf(gone));
            listedWhenTold.add(list.contains(a));
        });
        rows.sync(List.of(new Item("b", "1")), Item::id, Row::new, (row, item) -> { }, gone -> told.add(Set.copyOf(gone)));

        assertThat(told).containsExactly(Set.of(a));
        assertThat(listedWhenTold).containsExactly(true);
    }

    @Test
    void mergeKeepsRowsMissingFromTheItemsAndFindsRowsMadeEarlierInTheBatch() {
        sync(new Item("a", "1"));
        changes.clear();
        List<Row> seenByCreate = new ArrayList<>();

        rows.merge(List.of(new Item("a", "2"), new Item("b", "1"), new Item("c", "1")), Item::id, item -> {
            seenByCreate.add(rows.get("b"));
            return new Row(item);
        }, (row, item) -> row.text = item.text());

        assertThat(list).extracting(Object::toString).containsExactly("a=2", "b=1", "c=1");
        assertThat(seenByCreate.get(1)).isSameAs(rows.get("b"));
        assertThat(changes).containsExactly("+2");
    }

    @Test
    void removeIfRemovesMatchingRowsAndTheirKeysInOneChange() {
        sync(new Item("a", "done"), new Item("b", "run"), new Item("c", "done"));
        changes.clear();

        List<Row> removed = rows.removeIf(row -> row.text.equals("done"));

        assertThat(removed).extracting(row -> row.id).containsExactly("a", "c");
        assertThat(list).extracting(Object::toString).containsExactly("b=run");
        assertThat(rows.keys()).containsExactly("b");
        assertThat(changes).containsExactly("-2");
        assertThat(rows.removeIf(row -> false)).isEmpty();
        assertThat(changes).hasSize(1);
    }
}
