package io.enscope.inventory;

/** Where an inventory load stands, as {@link LoadProgress} reports it. */
public enum LoadPhase {
    /** The first page of some listing is still awaited, so the number of pages is not known yet. */
    SIZING,
    /** Every listing has told its total; the remaining pages are being fetched. */
    FETCHING,
    /** Every page is in; the snapshot and its indexes are being built. */
    INDEXING,
    /** The snapshot is ready. */
    DONE
}
