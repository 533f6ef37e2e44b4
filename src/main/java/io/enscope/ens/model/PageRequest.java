package io.enscope.ens.model;

/**
 * Which page of a Describe* listing to ask for ({@code PageNumber}, {@code PageSize}).
 *
 * @param pageNumber the 1-based page number
 * @param pageSize   the number of items per page; each operation has its own maximum
 */
public record PageRequest(int pageNumber, int pageSize) {

    /** Rejects numbers ENS would refuse. */
    public PageRequest {
        if (pageNumber < 1) {
            throw new IllegalArgumentException("pageNumber must be at least 1: " + pageNumber);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
        }
    }

    /**
     * @param pageSize the number of items per page
     * @return the first page of that size
     */
    public static PageRequest first(int pageSize) {
        return new PageRequest(1, pageSize);
    }

    /** @return the page after this one, same size */
    public PageRequest next() {
        return new PageRequest(pageNumber + 1, pageSize);
    }

    /**
     * @param number a 1-based page number
     * @return the page with that number, same size
     */
    public PageRequest withPageNumber(int number) {
        return new PageRequest(number, pageSize);
    }
}
