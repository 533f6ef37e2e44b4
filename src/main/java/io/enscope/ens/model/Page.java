package io.enscope.ens.model;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a Describe* answer. ENS sends the paging numbers as strings for DescribeHaVips and
 * as numbers elsewhere; both arrive here as ints.
 *
 * @param items      the items of this page, never null
 * @param pageNumber the 1-based page number ENS answered
 * @param pageSize   the page size ENS answered
 * @param totalCount the number of items over all pages
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, int pageNumber, int pageSize, int totalCount) {

    /** Makes the item list immutable and non-null. */
    public Page {
        items = WireValues.list(items);
    }

    /**
     * @param items all items, as one page
     * @param <T>   the item type
     * @return a single page holding every item
     */
    public static <T> Page<T> single(List<T> items) {
        List<T> copy = WireValues.list(items);
        return new Page<>(copy, 1, copy.size(), copy.size());
    }

    /**
     * Whether a later page can hold more items. An empty page ends the listing even if the total
     * says otherwise, so a server that miscounts cannot make a caller loop for ever.
     *
     * @return true when the next page should be fetched
     */
    public boolean hasNext() {
        return !items.isEmpty() && pageSize > 0 && (long) pageNumber * pageSize < totalCount;
    }

    /** @return how many pages the listing has with this page size (at least 1) */
    public int totalPages() {
        if (pageSize <= 0 || totalCount <= 0) {
            return 1;
        }
        return (int) ((totalCount + (long) pageSize - 1) / pageSize);
    }

    /**
     * @param mapper the conversion of each item
     * @param <R>    the new item type
     * @return the same page with converted items
     */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), pageNumber, pageSize, totalCount);
    }
}
