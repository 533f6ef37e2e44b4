package io.enscope.ui.main;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the main window opens, and the window state kept between starts. */
class WindowStateTest {
    /** A 1024x768 screen with a task bar at the bottom. */
    private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1024, 728);
    private static final Rectangle2D LARGE = new Rectangle2D(0, 0, 1920, 1040);
    /** A second screen to the right of the large one. */
    private static final Rectangle2D RIGHT = new Rectangle2D(1920, 0, 1280, 1024);

    @TempDir
    Path dir;

    @Test
    void onASmallScreenTheWindowOpensInsideItsVisibleArea() {
        Rectangle2D bounds = WindowState.place(null, List.of(SMALL), SMALL);

        assertThat(bounds.getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(bounds.getMinY()).as("the menus on screen").isGreaterThanOrEqualTo(0);
        assertThat(bounds.getMaxX()).isLessThanOrEqualTo(1024);
        assertThat(bounds.getMaxY()).isLessThanOrEqualTo(728);
        assertThat(bounds.getWidth()).isEqualTo(1024);
        assertThat(bounds.getHeight()).isEqualTo(728);
    }

    @Test
    void onALargeScreenTheDefaultSizeIsCentred() {
        Rectangle2D bounds = WindowState.place(null, List.of(LARGE), LARGE);

        assertThat(bounds).isEqualTo(new Rectangle2D(320, 120, 1280, 800));
    }

    @Test
    void aSavedPositionOnAScreenIsKeptAndOneOffEveryScreenIsIgnored() {
        WindowState onRight = new WindowState(2000, 50, 1100, 900, false, 0.7);
        assertThat(WindowState.place(onRight, List.of(LARGE, RIGHT), LARGE))
                .isEqualTo(new Rectangle2D(2000, 50, 1100, 900));

        // the second screen was unplugged
        Rectangle2D bounds = WindowState.place(onRight, List.of(LARGE), LARGE);
        assertThat(bounds).isEqualTo(new Rectangle2D(320, 120, 1280, 800));

        WindowState aboveTheScreen = new WindowState(100, -500, 1280, 800, false, -1);
        assertThat(WindowState.place(aboveTheScreen, List.of(LARGE), LARGE).getMinY()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aSavedWindowLargerThanTheScreenNowIsShrunkAndMovedInside() {
        WindowState big = new WindowState(600, 300, 1600, 1000, false, -1);

        Rectangle2D bounds = WindowState.place(big, List.of(SMALL), SMALL);

        assertThat(bounds).isEqualTo(new Rectangle2D(0, 0, 1024, 728));
    }

    @Test
    void theStateIsWrittenAtomicallyAndReadBack() throws Exception {
        Path file = dir.resolve("window.properties");
        assertThat(WindowState.load(file)).as("never saved").isNull();

        WindowState state = new WindowState(40, 30, 1100, 760, true, 0.64)
                .withColumns(java.util.Map.of("haVipIdColumn", 180.0))
                .withDividers(java.util.Map.of("explorer", 0.3, "detail", 0.61));
        state.save(file);

        assertThat(WindowState.load(file)).isEqualTo(state);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void aDamagedFileIsIgnored() throws Exception {
        Path file = dir.resolve("window.properties");
        Files.writeString(file, "x=12\ny=oops\nwidth=NaN\n");

        assertThat(WindowState.load(file)).isNull();
    }
}
