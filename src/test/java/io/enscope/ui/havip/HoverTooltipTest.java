package io.enscope.ui.havip;

import javafx.event.Event;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Cell tooltips are made on the first mouse move over the cell, then follow the cell's text. */
class HoverTooltipTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theTooltipIsMadeOnHoverAndThenFollowsTheText() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Label cell = new Label("vsw-1");
            HoverTooltip tooltip = new HoverTooltip(cell);
            tooltip.setText("web-tier");
            assertThat(cell.getTooltip()).as("not made before the mouse comes").isNull();

            Event.fireEvent(cell, move());
            assertThat(cell.getTooltip()).isNotNull();
            assertThat(cell.getTooltip().getText()).isEqualTo("web-tier");

            tooltip.setText("db-tier");
            assertThat(cell.getTooltip().getText()).as("follows the reused cell's item").isEqualTo("db-tier");
            tooltip.setText(null);
            assertThat(cell.getTooltip()).as("no name, no tooltip").isNull();
            Event.fireEvent(cell, move());
            assertThat(cell.getTooltip()).isNull();
            tooltip.setText("app-tier");
            assertThat(cell.getTooltip().getText()).isEqualTo("app-tier");
        }).get();
    }

    private static MouseEvent move() {
        return new MouseEvent(MouseEvent.MOUSE_MOVED, 1, 1, 1, 1, MouseButton.NONE, 0, false, false, false, false,
                false, false, false, false, false, false, null);
    }
}
