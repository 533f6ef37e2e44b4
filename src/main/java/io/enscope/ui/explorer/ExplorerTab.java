package io.enscope.ui.explorer;

/** The explorer's tables, one tab each. */
public enum ExplorerTab {
    /** The HaVips of the selected node. */
    HAVIPS("havips"),
    /** The instances of the selected node. */
    INSTANCES("instances"),
    /** The elastic network interfaces of the selected node. */
    ENIS("enis");

    private final String slug;

    ExplorerTab(String slug) {
        this.slug = slug;
    }

    /** @return a short lower-case name, for file names */
    public String slug() {
        return slug;
    }
}
