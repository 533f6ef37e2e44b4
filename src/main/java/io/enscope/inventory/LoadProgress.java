package io.enscope.inventory;

/**
 * How far an inventory load has come. Every request counts as one page, including the unpaged
 * DescribeEnsRegions; {@code pagesKnown} grows while the first pages reveal the totals, so a
 * progress bar should stay indeterminate during {@link LoadPhase#SIZING}.
 *
 * @param phase          where the load stands
 * @param pagesDone      pages fetched so far
 * @param pagesKnown     pages known to be needed so far (never less than {@code pagesDone})
 * @param listingsSized  listings whose total is known
 * @param listings       listings in all
 */
public record LoadProgress(LoadPhase phase, int pagesDone, int pagesKnown, int listingsSized, int listings) {

    /**
     * @return the share of the known pages already fetched, 0 to 1; 1 from {@link LoadPhase#INDEXING} on
     */
    public double fraction() {
        if (phase == LoadPhase.INDEXING || phase == LoadPhase.DONE) {
            return 1.0;
        }
        return pagesKnown == 0 ? 0.0 : (double) pagesDone / pagesKnown;
    }
}
