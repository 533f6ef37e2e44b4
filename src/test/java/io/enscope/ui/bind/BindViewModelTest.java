package io.enscope.ui.bind;

import io.enscope.binding.BindingJob;
import io.enscope.binding.JobKind;
import io.enscope.binding.Reason;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.DemoScenario.Showcase;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipAssociation;
import io.enscope.ens.model.InstanceType;
import io.enscope.inventory.Inventory;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.common.DirectUiThread;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.SynchronousTaskRunner;
import io.enscope.ui.common.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The bind dialog's ViewModel over the sandbox's demo scenario, with the synchronous task runner. */
class BindViewModelTest {
    private static final ResourceBundle ENGLISH = new I18n(Locale.ENGLISH).bundle();
    private static final ResourceBundle CHINESE = new I18n(I18n.CHINESE).bundle();

    @TempDir
    Path dataDir;

    private final List<TestWorkspaces> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(TestWorkspaces::close);
    }

    private Workspace workspace(Locale locale) {
        TestWorkspaces sandbox = TestWorkspaces.start(dataDir.resolve(locale.toLanguageTag()),
                new SynchronousTaskRunner(), new DirectUiThread(), locale, Timings.all(TransitionTiming.afterPolls(2)));
        started.add(sandbox);
        return sandbox.workspace();
    }

    private Workspace workspace() {
        return workspace(Locale.ENGLISH);
    }

    private static HaVip haVip(Workspace workspace, String haVipId) {
        return workspace.inventory().haVip(haVipId).orElseThrow();
    }

    private static HaVip haVipNamed(Workspace workspace, String name) {
        return workspace.inventory().haVips().stream().filter(h -> name.equals(h.name())).findFirst().orElseThrow();
    }

    private static String instanceNamed(Workspace workspace, String name) {
        return workspace.inventory().instances().stream().filter(i -> name.equals(i.name())).findFirst().orElseThrow()
                .id();
    }

    private static String eniNamed(Workspace workspace, String name) {
        return workspace.inventory().networkInterfaces().stream().filter(e -> name.equals(e.name())).findFirst()
                .orElseThrow().id();
    }

    private static Showcase showcase(String outcome, int index) {
        return DemoScenario.showcases().stream().filter(s -> s.outcome().equals(outcome)).skip(index).findFirst()
                .orElseThrow();
    }

    private static BindRow row(BindViewModel vm, String targetId) {
        return vm.row(targetId).orElseThrow(() -> new AssertionError(targetId + " is not a candidate"));
    }

    private static List<Eligibility> eligibilities(List<BindRow> rows) {
        return rows.stream().map(BindRow::getEligibility).toList();
    }

    @Test
    void eligibleTargetsComeFirstThenLimitHeldOnesAndIneligibleOnesOnlyOnDemand() {
        Workspace ws = workspace();
        Showcase limited = showcase("CountLimitExceed.HaVipOnInstance", 0);
        BindViewModel vm = new BindViewModel(ws, haVip(ws, limited.haVipId()));

        List<Eligibility> shown = eligibilities(vm.rows());
        assertThat(shown).isNotEmpty().isSorted().doesNotContain(Eligibility.INELIGIBLE);
        assertThat(shown.get(0)).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(shown).contains(Eligibility.ADVISORY);
        assertThat(vm.rows()).extracting(BindRow::targetId)
                .contains(showcase(DemoScenario.SUCCESS, 2).targetId(), limited.targetId());
        int ineligible = vm.ineligibleCountProperty().get();
        assertThat(ineligible).isGreaterThan(1);
        assertThat(vm.showIneligibleTextProperty().get())
                .isEqualTo("Show " + ineligible + " targets that cannot be bound");

        vm.showIneligibleProperty().set(true);
        List<Eligibility> all = eligibilities(vm.rows());
        assertThat(all).isSorted().hasSize(vm.allRows().size()).contains(Eligibility.INELIGIBLE);
        assertThat(all.stream().filter(e -> e == Eligibility.INELIGIBLE).count()).isEqualTo(ineligible);

        vm.showIneligibleProperty().set(false);
        assertThat(eligibilities(vm.rows())).doesNotContain(Eligibility.INELIGIBLE);
    }

    @Test
    void everyDataDependentCodeOfTheTableIsShownWithItsCodeAndLocalizedWords() {
        for (Locale locale : List.of(Locale.ENGLISH, I18n.CHINESE)) {
            Workspace ws = workspace(locale);
            ResourceBundle texts = locale == I18n.CHINESE ? CHINESE : ENGLISH;
            Set<String> seen = new TreeSet<>();
            for (Showcase showcase : DemoScenario.showcases()) {
                if (showcase.outcome().equals(DemoScenario.SUCCESS)) {
                    continue;
                }
                BindViewModel vm = new BindViewModel(ws, haVip(ws, showcase.haVipId()));
                BindRow row = row(vm, showcase.targetId());
                boolean limit = Reason.fromCode(showcase.outcome()).orElseThrow().isLimit();
                assertThat(vm.rows().contains(row)).as("%s shown before the toggle", showcase).isEqualTo(limit);
                vm.showIneligibleProperty().set(true);
                assertThat(vm.rows()).as(showcase.why()).contains(row);
                assertThat(row.getEligibility()).isEqualTo(limit ? Eligibility.ADVISORY : Eligibility.INELIGIBLE);
                assertThat(row.getCode()).as(showcase.why()).isEqualTo(showcase.outcome());
                String words = texts.getString("ens.error." + showcase.outcome());
                assertThat(row.getReasonText()).as(showcase.why()).isEqualTo(words).isNotBlank();
                assertThat(row.getDetails()).contains(showcase.outcome(), words);
                assertThat(row.isSelectable()).isFalse();
                seen.add(row.getCode());
            }
            Set<String> dataDependent = EnumSet.complementOf(EnumSet.of(Reason.HAVIP_NOT_FOUND,
                    Reason.INSTANCE_NOT_FOUND, Reason.NETWORK_INTERFACE_NOT_FOUND)).stream().map(Reason::code)
                    .collect(Collectors.toSet());
            assertThat(seen).as("every data-dependent code of the rules table").containsAll(dataDependent);
        }
    }

    @Test
    void chineseReasonsAreInChinese() {
        Workspace ws = workspace(I18n.CHINESE);
        Showcase wrongVSwitch = showcase("IncorrectInstanceVSwitch", 0);
        BindViewModel vm = new BindViewModel(ws, haVip(ws, wrongVSwitch.haVipId()));
        BindRow row = row(vm, wrongVSwitch.targetId());
        assertThat(row.getReasonText()).isEqualTo("目标必须与 HaVip 位于同一个交换机下。");
        assertThat(row.getKindText()).isEqualTo("实例");
        assertThat(row.getStatusText()).isEqualTo("运行中");
        assertThat(vm.showIneligibleTextProperty().get()).startsWith("显示 ").endsWith(" 个不可绑定的目标");
        assertThat(vm.title()).contains("绑定高可用虚拟 IP", wrongVSwitch.haVipId());
    }

    @Test
    void aTargetHeldBackByALimitIsSelectableOnlyAfterTryAnyway() {
        Workspace ws = workspace();
        Showcase limited = showcase("CountLimitExceed.HaVipOnInstance", 0);
        BindViewModel vm = new BindViewModel(ws, haVip(ws, limited.haVipId()));
        BindRow row = row(vm, limited.targetId());
        assertThat(row.getEligibility()).isEqualTo(Eligibility.ADVISORY);
        assertThat(vm.advisoryCountProperty().get()).isPositive();
        assertThat(vm.limitNoteProperty().get()).contains("does not publish", "10", "5", "Try anyway");
        assertThat(row.getDetails()).contains("The target holds 5 HaVips; Enscope assumes at most 5.");

        assertThat(vm.setSelected(row, true)).isFalse();
        assertThat(vm.toggle(row)).isFalse();
        assertThat(row.isSelected()).isFalse();
        assertThat(vm.selectedIds()).isEmpty();
        assertThat(vm.canSubmitProperty().get()).isFalse();

        assertThat(vm.setTryAnyway(row, true)).isTrue();
        assertThat(row.isTryAnyway()).isTrue();
        assertThat(row.isSelectable()).isTrue();
        assertThat(row.isSelected()).as("ticking Try anyway chooses the target").isTrue();
        assertThat(vm.selectedIds()).containsExactly(limited.targetId());
        assertThat(vm.canSubmitProperty().get()).isTrue();

        assertThat(vm.toggle(row)).isTrue();
        assertThat(row.isSelected()).isFalse();
        assertThat(row.isTryAnyway()).isTrue();
        assertThat(vm.toggle(row)).isTrue();
        assertThat(vm.toggleTryAnyway(row)).isTrue();
        assertThat(row.isTryAnyway()).isFalse();
        assertThat(row.isSelected()).as("unticking Try anyway un-chooses it").isFalse();
        assertThat(vm.selectedIds()).isEmpty();
    }

    @Test
    void anIneligibleTargetCanNeverBeChosen() {
        Workspace ws = workspace();
        Showcase wrongVSwitch = showcase("IncorrectInstanceVSwitch", 0);
        BindViewModel vm = new BindViewModel(ws, haVip(ws, wrongVSwitch.haVipId()));
        vm.showIneligibleProperty().set(true);
        BindRow row = row(vm, wrongVSwitch.targetId());

        assertThat(vm.setSelected(row, true)).isFalse();
        assertThat(vm.toggle(row)).isFalse();
        assertThat(vm.setTryAnyway(row, true)).isFalse();
        assertThat(row.isSelected()).isFalse();
        assertThat(row.isSelectable()).isFalse();
        assertThat(vm.selectedIds()).isEmpty();

        vm.focusedRowProperty().set(row);
        assertThat(vm.focusedDetailsProperty().get()).startsWith(wrongVSwitch.targetId() + " \u00b7 app-hz-01 \u2014 ")
                .contains("IncorrectInstanceVSwitch: The target must be in the same vSwitch as the HaVip.");
    }

    @Test
    void choosingMoreTargetsThanTheHaVipLimitWarns() {
        Workspace ws = workspace();
        Showcase full = showcase("CountLimitExceed.InstanceOnHaVip", 0);
        BindViewModel vm = new BindViewModel(ws, haVip(ws, full.haVipId()));
        assertThat(vm.bindingsTextProperty().get()).isEqualTo("10 of at most 10");
        BindRow row = row(vm, full.targetId());
        assertThat(row.getDetails()).contains("The HaVip has 10 bindings; Enscope assumes at most 10.");
        assertThat(vm.limitWarningProperty().get()).isEmpty();

        vm.setTryAnyway(row, true);
        assertThat(vm.limitWarningProperty().get())
                .isEqualTo("With these the HaVip would have 11 bindings, more than the 10 Enscope assumes: ENS may "
                        + "refuse the last ones (CountLimitExceed.InstanceOnHaVip).");
    }

    @Test
    void submittingTwoTargetsQueuesTwoBindJobsOnTheHaVipInTheOrderChosen() {
        Workspace ws = workspace();
        Showcase instance = showcase(DemoScenario.SUCCESS, 0);
        Showcase eni = showcase(DemoScenario.SUCCESS, 1);
        BindViewModel vm = new BindViewModel(ws, haVip(ws, instance.haVipId()));
        vm.activate();
        assertThat(vm.canSubmitProperty().get()).isFalse();
        assertThat(vm.selectionTextProperty().get()).startsWith("Nothing selected");

        assertThat(vm.setSelected(row(vm, eni.targetId()), true)).isTrue();
        assertThat(vm.toggle(row(vm, instance.targetId()))).isTrue();
        assertThat(vm.selectedIds()).containsExactly(eni.targetId(), instance.targetId());
        assertThat(vm.selectionTextProperty().get()).isEqualTo(
                "2 targets selected. They are bound one after another, in the order you selected them.");
        assertThat(vm.submitTextProperty().get()).isEqualTo("Bind 2 targets");
        assertThat(vm.canSubmitProperty().get()).isTrue();

        vm.submit();

        assertThat(vm.getSubmitted()).containsExactly(eni.targetId(), instance.targetId());
        assertThat(vm.canSubmitProperty().get()).isFalse();
        List<BindingJob> jobs = ws.jobs().jobs().stream().filter(j -> j.haVipId().equals(instance.haVipId())).toList();
        assertThat(jobs).extracting(BindingJob::kind).containsExactly(JobKind.BIND, JobKind.BIND);
        assertThat(jobs).extracting(BindingJob::targetId).containsExactly(eni.targetId(), instance.targetId());
        assertThat(jobs).extracting(BindingJob::instanceType)
                .containsExactly(InstanceType.NETWORK_INTERFACE, InstanceType.ENS_INSTANCE);

        vm.submit();
        assertThat(ws.jobs().jobs()).as("a second submit does nothing").hasSize(2);
        assertThat(vm.setSelected(row(vm, instance.targetId()), false)).as("the choice is frozen").isFalse();
    }

    @Test
    void theCliCommandsAreTheExactEquivalentOfTheBinds() {
        Workspace ws = workspace();
        Showcase instance = showcase(DemoScenario.SUCCESS, 0);
        Showcase eni = showcase(DemoScenario.SUCCESS, 1);
        String h = instance.haVipId();
        BindViewModel vm = new BindViewModel(ws, haVip(ws, h));
        assertThat(vm.cliCommands()).isEmpty();
        assertThat(vm.canCopyCliProperty().get()).isFalse();

        vm.toggle(row(vm, instance.targetId()));
        vm.toggle(row(vm, eni.targetId()));

        // On the sandbox every line names its endpoint: pasted, it must not reach the CLI's default account.
        String sandbox = " --endpoint " + ws.sandbox().orElseThrow().endpoint() + " --insecure";
        String waiter = "aliyun ens DescribeHaVips --HaVipId " + h + sandbox
                + " --waiter expr='HaVips[0].Status' to=InUse";
        assertThat(vm.cliCommands()).isEqualTo(String.join("\n",
                "aliyun ens AssociateHaVip --HaVipId " + h + " --InstanceId " + instance.targetId()
                        + " --InstanceType EnsInstance" + sandbox,
                waiter,
                "aliyun ens AssociateHaVip --HaVipId " + h + " --InstanceId " + eni.targetId()
                        + " --InstanceType NetworkInterface" + sandbox,
                waiter));
        assertThat(vm.canCopyCliProperty().get()).isTrue();
        assertThat(vm.copyCliCommands()).isEqualTo(vm.cliCommands());
        assertThat(vm.cliFeedbackProperty().get()).isEqualTo("Copied 4 command lines.");
        vm.toggle(row(vm, eni.targetId()));
        assertThat(vm.cliFeedbackProperty().get()).as("a new choice, nothing copied yet").isEmpty();
    }

    @Test
    void inventoryChangesAreFollowedWhileActiveAndTheChoiceIsKeptById() {
        Workspace ws = workspace();
        HaVip haVip = haVipNamed(ws, "vip-web-hz");
        String web1 = instanceNamed(ws, "web-hz-01");
        String web2 = instanceNamed(ws, "web-hz-02");
        BindViewModel vm = new BindViewModel(ws, haVip);
        vm.activate();
        BindRow row1 = row(vm, web1);
        vm.toggle(row1);
        vm.toggle(row(vm, web2));
        assertThat(vm.bindingsTextProperty().get()).isEqualTo("0 of at most 10");

        Inventory before = ws.inventory();
        ws.setInventory(before.withHaVip(haVip.withAssociations(List.of(
                association(web2, AssociationStatus.IN_USE)))));

        assertThat(row(vm, web1)).as("rows keep their identity").isSameAs(row1);
        assertThat(row(vm, web2).getCode()).isEqualTo("InstanceAlreadyAssociated");
        assertThat(vm.selectedIds()).as("a target that can no longer be bound is dropped").containsExactly(web1);
        assertThat(row1.isSelected()).isTrue();
        assertThat(vm.bindingsTextProperty().get()).isEqualTo("1 of at most 10");
        assertThat(vm.rows()).doesNotContain(row(vm, web2));

        ws.setInventory(before.withHaVip(haVip.withAssociations(List.of(
                association(web2, AssociationStatus.ASSOCIATING)))));
        assertThat(vm.eligibleCountProperty().get()).isZero();
        assertThat(vm.selectedIds()).isEmpty();
        assertThat(vm.canSubmitProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get()).startsWith(ENGLISH.getString("ens.error.IncorrectHaVipStatus"));
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.placeholderTextProperty().get()).startsWith("No target can be bound to this HaVip now.");

        ws.setInventory(before);
        assertThat(row1.getEligibility()).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(row1.isSelected()).as("a dropped choice is not silently restored").isFalse();
        vm.toggle(row1);

        vm.deactivate();
        ws.setInventory(before.withoutHaVip(haVip.id()));
        assertThat(vm.haVipGoneProperty().get()).as("not followed once deactivated").isFalse();
        assertThat(row1.isSelected()).isTrue();

        vm.activate();
        assertThat(vm.haVipGoneProperty().get()).isTrue();
        assertThat(vm.noticeProperty().get()).startsWith("This HaVip no longer exists");
        assertThat(vm.allRows()).extracting(BindRow::getCode).containsOnly("HaVipNotFound");
        assertThat(vm.selectedIds()).isEmpty();
        assertThat(vm.canSubmitProperty().get()).isFalse();
    }

    private static HaVipAssociation association(String targetId, AssociationStatus status) {
        return new HaVipAssociation(targetId, InstanceType.ENS_INSTANCE, null, null, status, null, null);
    }

    @Test
    void theSearchFiltersTheCandidates() {
        Workspace ws = workspace();
        HaVip haVip = haVipNamed(ws, "vip-web-hz");
        BindViewModel vm = new BindViewModel(ws, haVip);
        String spare = eniNamed(ws, "web-hz-spare-eni");

        vm.searchTextProperty().set("  SPARE  ");
        assertThat(vm.rows()).extracting(BindRow::targetId).containsExactly(spare);
        vm.searchTextProperty().set("spare " + haVip.vSwitchId());
        assertThat(vm.rows()).extracting(BindRow::targetId).containsExactly(spare);

        vm.searchTextProperty().set("app-hz-01");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.placeholderTextProperty().get()).startsWith("No target that can be bound matches the filter")
                .contains("Show them");
        vm.showIneligibleProperty().set(true);
        assertThat(vm.rows()).extracting(BindRow::targetId).contains(instanceNamed(ws, "app-hz-01"));

        vm.searchTextProperty().set("incorrectinstancevswitch");
        assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.getCode()).isEqualTo("IncorrectInstanceVSwitch"));
        vm.searchTextProperty().set("no-such-target");
        assertThat(vm.placeholderTextProperty().get()).isEqualTo("No target matches the filter.");
        vm.searchTextProperty().set("");
        assertThat(vm.rows()).hasSize(vm.allRows().size());
    }

    @Test
    void theHeaderDescribesTheHaVipAndRowsDescribeTheTargets() {
        Workspace ws = workspace();
        HaVip haVip = haVipNamed(ws, "vip-lb-hz");
        BindViewModel vm = new BindViewModel(ws, haVip);

        assertThat(vm.title()).isEqualTo("Enscope \u2014 Bind HaVip " + haVip.id());
        assertThat(vm.haVipNameProperty().get()).isEqualTo("vip-lb-hz \u2014 " + haVip.description());
        assertThat(vm.ipAddressProperty().get()).isEqualTo(haVip.ipAddress()).isNotBlank();
        assertThat(vm.vSwitchTextProperty().get()).isEqualTo(haVip.vSwitchId() + " (prod-web-a)");
        assertThat(vm.bindingsTextProperty().get()).isEqualTo("2 of at most 10");
        assertThat(vm.haVipStatusTextProperty().get()).isEqualTo("In use");
        assertThat(vm.noticeProperty().get()).isEmpty();

        vm.showIneligibleProperty().set(true);
        BindRow eni = row(vm, eniNamed(ws, "lb-hz-01-eth1"));
        assertThat(eni.getKindText()).isEqualTo("ENI");
        assertThat(eni.getName()).isEqualTo("lb-hz-01-eth1 \u00b7 on lb-hz-01");
        assertThat(eni.getStatusText()).isEqualTo("In use");
        assertThat(eni.getVSwitchId()).isEqualTo(haVip.vSwitchId());
        assertThat(eni.getIp()).startsWith("10.10.1.");
        BindRow expired = row(vm, instanceNamed(ws, "web-hz-05"));
        assertThat(expired.getStatusText()).isEqualTo("Expired");
        assertThat(expired.getCode()).isEqualTo("IncorrectInstanceStatus");
        assertThat(expired.getVerdict().reasons()).contains(Reason.INCORRECT_INSTANCE_STATUS);
    }

    @Test
    void aFailureToQueueGoesToTheErrorCallbackWithWhatWasNotQueued() {
        Workspace ws = workspace();
        Showcase instance = showcase(DemoScenario.SUCCESS, 0);
        List<String> contexts = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        BindViewModel vm = new BindViewModel(ws, haVip(ws, instance.haVipId()), (context, error) -> {
            contexts.add(context);
            errors.add(error);
        });
        vm.toggle(row(vm, instance.targetId()));
        ws.jobs().shutdown();

        vm.submit();

        assertThat(vm.getSubmitted()).as("the dialog closes at once anyway").containsExactly(instance.targetId());
        assertThat(contexts).containsExactly("queuing the bindings of HaVip " + instance.haVipId()
                + " (not queued: " + instance.targetId() + ")");
        assertThat(errors).singleElement().isInstanceOfSatisfying(BindSubmitException.class, e -> {
            assertThat(e.notQueued()).containsExactly(instance.targetId());
            assertThat(e.queued()).isEmpty();
            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        });
    }
}
