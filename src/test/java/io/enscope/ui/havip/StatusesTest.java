package io.enscope.ui.havip;

import io.enscope.binding.JobState;
import io.enscope.emulator.Timings;
import io.enscope.emulator.TransitionTiming;
import io.enscope.ens.model.AssociationStatus;
import io.enscope.ens.model.HaVip;
import io.enscope.ens.model.HaVipStatus;
import io.enscope.ens.model.InstanceStatus;
import io.enscope.ens.model.NetworkInterfaceStatus;
import io.enscope.ui.TestWorkspaces;
import io.enscope.ui.bind.BindViewModel;
import io.enscope.ui.common.DirectUiThread;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.SynchronousTaskRunner;
import io.enscope.ui.common.Tone;
import io.enscope.ui.common.Workspace;
import io.enscope.ui.explorer.ExplorerNode;
import io.enscope.ui.explorer.ExplorerViewModel;
import io.enscope.ui.explorer.HaVipRow;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one vocabulary of statuses: every status of every kind has one tone and one word, in both
 * languages; a word is in the bundles once; and the explorer, the HaVip detail and the bind dialog
 * show a HaVip's status with the same word and tone (the Activities pane: ActivityStatusesTest).
 */
class StatusesTest {
    private static final List<String> BUNDLES = List.of("messages.properties", "messages_zh_CN.properties");

    @TempDir
    Path dataDir;

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = StatusesTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Every status of every kind: its word key and its tone. */
    private static Map<String, Map<Enum<?>, String>> wordKeys() {
        Map<String, Map<Enum<?>, String>> kinds = new HashMap<>();
        kinds.put("HaVip", keys(HaVipStatus.values(), Statuses::wordKey));
        kinds.put("association", keys(AssociationStatus.values(), Statuses::wordKey));
        kinds.put("instance", keys(InstanceStatus.values(), Statuses::wordKey));
        kinds.put("ENI", keys(NetworkInterfaceStatus.values(), Statuses::wordKey));
        kinds.put("job", keys(JobState.values(), Statuses::wordKey));
        return kinds;
    }

    private static <E extends Enum<E>> Map<Enum<?>, String> keys(E[] values, Function<E, String> key) {
        Map<Enum<?>, String> keys = new HashMap<>();
        for (E value : values) {
            keys.put(value, key.apply(value));
        }
        return keys;
    }

    @Test
    void everyStatusOfEveryKindHasOneToneAndOneWordInBothLanguages() throws IOException {
        for (String bundle : BUNDLES) {
            Properties texts = load(bundle);
            for (Map.Entry<String, Map<Enum<?>, String>> kind : wordKeys().entrySet()) {
                Map<String, Enum<?>> byWord = new HashMap<>();
                for (Map.Entry<Enum<?>, String> status : kind.getValue().entrySet()) {
                    String word = texts.getProperty(status.getValue());
                    assertThat(word).as(bundle + ": " + kind.getKey() + " " + status.getKey()).isNotBlank();
                    Enum<?> other = byWord.put(word, status.getKey());
                    assertThat(other).as(bundle + ": " + kind.getKey() + " " + status.getKey() + " reads like "
                            + other).isNull();
                }
            }
        }
        for (HaVipStatus s : HaVipStatus.values()) {
            assertThat(Statuses.tone(s)).isNotNull();
        }
        for (AssociationStatus s : AssociationStatus.values()) {
            assertThat(Statuses.tone(s)).isNotNull();
        }
        for (InstanceStatus s : InstanceStatus.values()) {
            assertThat(Statuses.tone(s)).isNotNull();
        }
        for (NetworkInterfaceStatus s : NetworkInterfaceStatus.values()) {
            assertThat(Statuses.tone(s)).isNotNull();
        }
        for (JobState s : JobState.values()) {
            assertThat(Statuses.tone(s)).isNotNull();
        }
    }

    @Test
    void aStatusWordIsInTheBundlesOnce() throws IOException {
        for (String bundle : BUNDLES) {
            Properties texts = load(bundle);
            Map<String, String> words = new HashMap<>();
            for (String key : texts.stringPropertyNames()) {
                if (key.startsWith(Statuses.WORD_PREFIX)) {
                    assertThat(words.put(texts.getProperty(key), key)).as(bundle + " " + key).isNull();
                }
            }
            List<String> again = new ArrayList<>();
            for (String key : texts.stringPropertyNames()) {
                if (!key.startsWith(Statuses.WORD_PREFIX) && words.containsKey(texts.getProperty(key))) {
                    again.add(key + " repeats " + words.get(texts.getProperty(key)));
                }
            }
            assertThat(again).as(bundle).isEmpty();
        }
    }

    @Test
    void aStatusReadsTheSameInTheSameToneEverywhere() {
        I18n zh = new I18n(I18n.CHINESE);
        Statuses statuses = new Statuses(zh);
        StatusValue inUse = statuses.haVip(HaVipStatus.IN_USE, "InUse");
        assertThat(inUse.text()).isEqualTo("使用中");
        assertThat(statuses.association(AssociationStatus.IN_USE, "InUse").text()).isEqualTo("使用中");
        assertThat(statuses.networkInterface(NetworkInterfaceStatus.IN_USE, "InUse").text()).isEqualTo("使用中");
        assertThat(statuses.job(JobState.ASSOCIATING).text())
                .isEqualTo(statuses.association(AssociationStatus.ASSOCIATING, "Associating").text());
        assertThat(statuses.job(JobState.TIMED_OUT).tone()).isEqualTo(Tone.WARNING);
        StatusValue odd = statuses.haVip(HaVipStatus.UNKNOWN, "Frozen");
        assertThat(odd.text()).isEqualTo("Frozen");
        assertThat(odd.tone()).isEqualTo(Tone.WARNING);
    }

    @Test
    void theExplorerTheDetailAndTheBindDialogShowAHaVipsStatusAlike() {
        try (TestWorkspaces env = TestWorkspaces.start(dataDir, new SynchronousTaskRunner(), new DirectUiThread(),
                Locale.SIMPLIFIED_CHINESE, Timings.all(TransitionTiming.afterPolls(2)))) {
            Workspace ws = env.workspace();
            ExplorerViewModel explorer = new ExplorerViewModel(ws, new RecordingDialogs(), new SimpleStringProperty(""));
            explorer.activate();
            HaVipDetailViewModel detail = new HaVipDetailViewModel(ws, new RecordingDialogs());
            detail.activate();
            List<HaVipStatus> seen = new ArrayList<>();
            for (ExplorerNode region : explorer.treeProperty().get()) {
                explorer.selectedNodeProperty().set(region);
                for (HaVipRow row : List.copyOf(explorer.haVipRows())) {
                    HaVip haVip = ws.inventory().haVip(row.getId()).orElseThrow();
                    seen.add(haVip.status());
                    detail.haVipIdProperty().set(haVip.id());
                    BindViewModel bind = new BindViewModel(ws, haVip);
                    StatusValue expected = new Statuses(ws.i18n()).haVip(haVip.status(), haVip.rawStatus());

                    assertThat(row.getStatus()).as("explorer " + haVip.id()).isEqualTo(expected);
                    assertThat(detail.getStatus()).as("detail " + haVip.id()).isEqualTo(expected);
                    assertThat(bind.haVipStatusTextProperty().get()).as("bind " + haVip.id())
                            .isEqualTo(expected.text());
                    assertThat(bind.haVipStatusToneProperty().get()).as("bind " + haVip.id())
                            .isEqualTo(expected.tone());
                    assertThat(expected.text()).doesNotContainPattern("[A-Za-z]");
                }
            }
            assertThat(seen).contains(HaVipStatus.AVAILABLE, HaVipStatus.IN_USE);
            detail.deactivate();
            explorer.deactivate();
        }
    }
}
