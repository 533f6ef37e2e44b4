/**
 * What the console knows about the cloud: the immutable {@link io.enscope.inventory.Inventory}
 * snapshot of the chosen ENS regions, indexed by vSwitch and by ID, and the
 * {@link io.enscope.inventory.InventoryLoader} that fetches every page of every listing with
 * bounded parallelism, progress reporting and cancellation.
 *
 * <p>Depends on {@code io.enscope.ens} only.
 */
package io.enscope.inventory;
