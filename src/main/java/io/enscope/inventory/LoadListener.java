package io.enscope.inventory;

/**
 * Receives the progress of an inventory load. Called on a loader thread, one call at a time and
 * in order, while the load holds its lock: implementations must return quickly and must not
 * block (a UI hands the value over to its own thread). An exception thrown here is logged and
 * does not disturb the load.
 */
@FunctionalInterface
public interface LoadListener {

    /** A listener that ignores everything. */
    LoadListener NONE = progress -> { };

    /**
     * @param progress the new state of the load
     */
    void onProgress(LoadProgress progress);
}
