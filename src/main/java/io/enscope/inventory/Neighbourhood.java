package io.enscope.inventory;

import io.enscope.ens.model.Eip;
import io.enscope.ens.model.SecurityGroup;
import io.enscope.ens.model.SystemEvent;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the console reads about the HaVips' neighbourhood after the inventory: EIPs, security
 * groups and the system events of the HaVips' members. Each section loads, and may fail, on its
 * own, so one unreadable section never hides the others nor the HaVips.
 *
 * @param eips           the EIPs of the chosen regions
 * @param securityGroups the security groups (DescribeSecurityGroups has no region filter)
 * @param events         the upcoming HA events of the instances behind HaVips
 */
public record Neighbourhood(Section<Eip> eips, Section<SecurityGroup> securityGroups, Section<SystemEvent> events) {

    /** One section: still loading, loaded, or failed with the error to show. */
    public record Section<T>(boolean loading, List<T> items, Throwable error) {
        public Section {
            items = items == null ? List.of() : List.copyOf(items);
        }

        public static <T> Section<T> pending() {
            return new Section<>(true, List.of(), null);
        }

        public static <T> Section<T> loaded(List<T> items) {
            return new Section<>(false, items, null);
        }

        public static <T> Section<T> failed(Throwable error) {
            return new Section<>(false, List.of(), error);
        }

        public boolean failed() {
            return error != null;
        }
    }

    /** Nothing read yet: every section loading. */
    public static Neighbourhood loading() {
        return new Neighbourhood(Section.pending(), Section.pending(), Section.pending());
    }

    /** Nothing to read (no connection or no load yet). */
    public static Neighbourhood empty() {
        return new Neighbourhood(Section.loaded(List.of()), Section.loaded(List.of()), Section.loaded(List.of()));
    }

    /** @return the EIP with that ID, when the EIP section has it */
    public Optional<Eip> eip(String allocationId) {
        return eips.items().stream().filter(e -> e.allocationId().equals(allocationId)).findFirst();
    }

    /**
     * @param resourceIds instance IDs
     * @return their events, soonest first
     */
    public List<SystemEvent> eventsOf(Collection<String> resourceIds) {
        Set<String> wanted = new HashSet<>(resourceIds);
        return events.items().stream()
                .filter(e -> wanted.contains(e.resourceId()))
                .sorted(Comparator.comparing(SystemEvent::notBefore,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** @return the security groups by ID */
    public Map<String, SecurityGroup> securityGroupsById() {
        Map<String, SecurityGroup> byId = new LinkedHashMap<>();
        securityGroups.items().forEach(g -> byId.put(g.id(), g));
        return byId;
    }
}
