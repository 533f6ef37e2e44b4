package io.enscope.ui.havip;

import io.enscope.ui.common.StatusPill;
import io.enscope.ui.common.Tone;
import javafx.css.PseudoClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status pill that every status cell updates on every scroll and live refresh: one icon node
 * for its whole life, whose glyph and the pill's tone pseudo-class follow the tone.
 */
class StatusPillReuseTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void thePillKeepsOneIconAndFollowsTheTone() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            StatusPill pill = new StatusPill();
            pill.show("Associating", Tone.BUSY);
            FontIcon icon = (FontIcon) pill.getGraphic();
            assertThat(icon.getIconCode()).isEqualTo(Tone.BUSY.icon().ikon());
            assertThat(pill.getPseudoClassStates()).contains(pseudo(Tone.BUSY));

            pill.show("InUse", Tone.SUCCESS);
            assertThat(pill.getGraphic()).as("the same icon node, its glyph changed").isSameAs(icon);
            assertThat(icon.getIconCode()).isEqualTo(Tone.SUCCESS.icon().ikon());
            assertThat(pill.getText()).isEqualTo("InUse");
            assertThat(pill.tone()).isEqualTo(Tone.SUCCESS);
            assertThat(pill.getPseudoClassStates()).contains(pseudo(Tone.SUCCESS)).doesNotContain(pseudo(Tone.BUSY));

            pill.show(null, Tone.SUCCESS);
            assertThat(pill.getGraphic()).as("a cleared pill shows nothing").isNull();
            assertThat(pill.getPseudoClassStates()).doesNotContain(pseudo(Tone.SUCCESS));

            pill.show("FAILED", Tone.DANGER);
            assertThat(pill.getGraphic()).isSameAs(icon);
            assertThat(icon.getIconCode()).isEqualTo(Tone.DANGER.icon().ikon());
            assertThat(pill.getPseudoClassStates()).containsOnly(pseudo(Tone.DANGER));
        }).get();
    }

    private static PseudoClass pseudo(Tone tone) {
        return PseudoClass.getPseudoClass(tone.pseudoClass());
    }
}
