package io.enscope.ens.model;

import java.util.List;

/**
 * One page of {@code ListTagResources}: its rows and the token of the next page.
 *
 * @param tags      the rows, never null
 * @param nextToken the token of the next page; null when this is the last one (absent or empty:
 *                  the end signal is undocumented, so both end the listing)
 */
public record TagPage(List<ResourceTag> tags, String nextToken) {

    /** Makes the list immutable and an empty token null. */
    public TagPage {
        tags = WireValues.list(tags);
        nextToken = nextToken == null || nextToken.isBlank() ? null : nextToken;
    }

    /** @return whether another page follows */
    public boolean hasNext() {
        return nextToken != null;
    }
}
