package io.enscope.ui.connect;

import io.enscope.ens.EnsApi;
import io.enscope.ens.UnsupportedEnsApi;
import io.enscope.ens.model.Region;

import java.util.List;
import java.util.function.Supplier;

/** An EnsApi that answers DescribeEnsRegions as told and fails on anything else (the dialog calls nothing else). */
final class FakeEnsApi extends UnsupportedEnsApi implements AutoCloseable {
    private final Supplier<List<Region>> regions;
    private int regionCalls;
    private boolean closed;

    FakeEnsApi(Supplier<List<Region>> regions) {
        this.regions = regions;
    }

    static FakeEnsApi withRegions(String... ids) {
        List<Region> list = java.util.Arrays.stream(ids).map(id -> new Region(id, id, id, "area", "province")).toList();
        return new FakeEnsApi(() -> list);
    }

    static FakeEnsApi failing(RuntimeException failure) {
        return new FakeEnsApi(() -> {
            throw failure;
        });
    }

    int regionCalls() {
        return regionCalls;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public List<Region> describeRegions() {
        regionCalls++;
        return regions.get();
    }
}
