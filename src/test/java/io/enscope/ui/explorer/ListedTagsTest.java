package io.enscope.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enscope.Sandbox;
import io.enscope.binding.ActivityLog;
import io.enscope.binding.EligibilityEngine;
import io.enscope.binding.JobEngine;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.ForwardingEnsApi;
import io.enscope.ens.InstanceQuery;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.model.Instance;
import io.enscope.ens.model.Page;
import io.enscope.ens.model.PageRequest;
import io.enscope.inventory.InventoryLoader;
import io.enscope.ui.common.DirectUiThread;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.SynchronousTaskRunner;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.havip.RecordingDialogs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a cloud whose DescribeInstances carries no tags (as its doc says), the instance rows
 * get their tags from ListTagResources, read after the inventory; with tags in DescribeInstances,
 * ListTagResources is not called.
 */
class ListedTagsTest {
    @TempDir
    Path dir;

    /** The sandbox through the real SDK, with the tags of DescribeInstances removed when asked. */
    private static final class TaglessInstances extends ForwardingEnsApi {
        final AtomicInteger tagCalls = new AtomicInteger();
        final boolean strip;

        TaglessInstances(SdkEnsApi delegate, boolean strip) {
            super(delegate);
            this.strip = strip;
        }

        @Override
        public Page<Instance> describeInstances(InstanceQuery query, PageRequest page) {
            Page<Instance> real = super.describeInstances(query, page);
            return strip ? real.map(i -> new Instance(i.id(), i.name(), i.hostName(), i.status(), i.rawStatus(),
                    i.regionId(), i.networkId(), i.vSwitchId(), i.privateIpAddresses(), i.publicIpAddresses(),
                    i.networkInterfaces(), i.creationTime(), i.specName(), i.instanceResourceType(), i.imageId(),
                    i.osName())) : real;
        }

        @Override
        public io.enscope.ens.model.TagPage listInstanceTags(List<String> instanceIds, String nextToken) {
            tagCalls.incrementAndGet();
            return super.listInstanceTags(instanceIds, nextToken);
        }
    }

    private String lbTags(boolean strip, AtomicInteger calls) throws Exception {
        try (Sandbox sandbox = Sandbox.start();
             SdkEnsApi sdk = new SdkEnsApi(EnsClientConfig.local(sandbox.endpoint()), EnsCredentialsProvider.of(
                     EnsCredentials.of(sandbox.adminAccount().accessKeyId(),
                             sandbox.adminAccount().accessKeySecret())));
             ActivityLog log = ActivityLog.open(dir.resolve(strip ? "a" : "b"))) {
            TaglessInstances api = new TaglessInstances(sdk, strip);
            JobEngine jobs = JobEngine.builder(api).journal(log).build();
            Workspace ws = new Workspace(new Workspace.Services("Sandbox", Optional.of(sandbox), api,
                    new InventoryLoader(api), jobs, log, new EligibilityEngine()), new SynchronousTaskRunner(),
                    new DirectUiThread(), new I18n(Locale.ENGLISH), 0);
            try {
                ExplorerViewModel vm = new ExplorerViewModel(ws, new RecordingDialogs(), new SimpleStringProperty(""));
                vm.activate();
                ws.regions().setAll(api.describeRegions());
                ws.selectedRegions().setAll(ws.regions().stream().map(r -> r.id()).toList());
                ws.reload();
                await().atMost(Duration.ofSeconds(30)).until(() -> !ws.loadingProperty().get()
                        && vm.instanceRows().stream().anyMatch(r -> r.getName().equals("lb-hz-01"))
                        && (!strip || !ws.listedTagsProperty().get().isEmpty()));
                calls.set(api.tagCalls.get());
                return vm.instanceRows().stream().filter(r -> r.getName().equals("lb-hz-01")).findFirst()
                        .orElseThrow().getTags();
            } finally {
                ws.close();
                jobs.shutdown();
            }
        }
    }

    @Test
    void withoutTagsInDescribeInstancesTheyComeFromListTagResources() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        assertThat(lbTags(true, calls)).isEqualTo("env=prod, tier=lb, owner=netops");
        assertThat(calls.get()).as("NextToken pages").isGreaterThan(1);
    }

    @Test
    void withTagsInDescribeInstancesListTagResourcesIsNotCalled() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        assertThat(lbTags(false, calls)).isEqualTo("env=prod, tier=lb, owner=netops");
        assertThat(calls.get()).isZero();
    }
}
