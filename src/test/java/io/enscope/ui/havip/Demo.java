package io.enscope.ui.havip;

import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.NetworkInterface;
import io.enscope.ens.model.VSwitch;
import io.enscope.inventory.Inventory;

/** Finds demo-scenario resources by name, as the sandbox lists them. */
public final class Demo {
    private Demo() {
    }

    public static HaVip haVip(Inventory inventory, String name) {
        return inventory.haVips().stream().filter(h -> name.equals(h.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no HaVip " + name));
    }

    public static Instance instance(Inventory inventory, String name) {
        return inventory.instances().stream().filter(i -> name.equals(i.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no instance " + name));
    }

    public static NetworkInterface eni(Inventory inventory, String name) {
        return inventory.networkInterfaces().stream().filter(n -> name.equals(n.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no ENI " + name));
    }

    public static VSwitch vSwitch(Inventory inventory, String regionId, String name) {
        return inventory.vSwitches().stream().filter(v -> regionId.equals(v.regionId()) && name.equals(v.name()))
                .findFirst().orElseThrow(() -> new AssertionError("no VSwitch " + name + " in " + regionId));
    }
}
