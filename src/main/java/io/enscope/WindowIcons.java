package io.enscope;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Enscope app icon on a window: every size from 16 to 256 px, so that the window manager
 * picks a sharp one for the title bar, the task bar and the window switcher. The PNGs are
 * generated from {@code icons/enscope.svg} by {@code icons/generate.sh}.
 */
public final class WindowIcons {
    /** The sizes shipped as resources, in pixels. */
    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private WindowIcons() {
    }

    /** Adds the app icon in every size to the stage (the main window and each dialog's stage). */
    public static void apply(Stage stage) {
        stage.getIcons().addAll(images());
    }

    /** @return the icon images, smallest first */
    static List<Image> images() {
        List<Image> images = new ArrayList<>(SIZES.size());
        for (int size : SIZES) {
            try (InputStream in = open(size)) {
                images.add(new Image(in));
            } catch (IOException e) {
                throw new UncheckedIOException("reading the " + size + " px app icon", e);
            }
        }
        return images;
    }

    /** @return the PNG of one size; a missing one is a packaging bug, so it fails loudly */
    static InputStream open(int size) {
        String name = resourceName(size);
        InputStream in = WindowIcons.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the app icon " + name + " is missing from the build");
        }
        return in;
    }

    static String resourceName(int size) {
        return "icons/enscope-" + size + ".png";
    }
}
