package io.enscope.ui.explorer;

import java.util.List;

/** What the explorer's three row types share: an id, a search match and CSV cells. */
public interface ExplorerRow {

    /** @return the resource id ({@code havip-…}, {@code i-…}, {@code eni-…}) */
    String getId();

    /**
     * @param query the search
     * @return whether the row is shown under it
     */
    boolean matches(SearchQuery query);

    /** @return the row's values in the order of its table's columns, as exported to CSV */
    List<String> csvCells();
}
