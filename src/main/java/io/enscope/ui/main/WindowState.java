package io.enscope.ui.main;

import io.enscope.ui.common.AtomicFiles;
import javafx.geometry.Rectangle2D;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where the main window was and how it was split when the application last stopped: its bounds,
 * whether it was maximized, and the position of the divider above the Activities pane. Kept in a
 * small file of the data directory; a missing or unreadable file means "never saved".
 *
 * @param x         the window's left edge, in screen coordinates
 * @param y         the window's top edge
 * @param width     the window's width (of its normal, not maximized, bounds)
 * @param height    the window's height
 * @param maximized whether it was maximized
 * @param divider   the activities divider's position (0..1), or a negative value when not known
 * @param columns   the widths of the explorer's and the Activities' table columns, by column ID
 * @param dividers  the positions (0..1) of the explorer's dividers, by name
 */
public record WindowState(double x, double y, double width, double height, boolean maximized, double divider,
        Map<String, Double> columns, Map<String, Double> dividers) {
    private static final Logger LOG = LoggerFactory.getLogger(WindowState.class);
    private static final String COLUMN = "column.";
    private static final String DIVIDER = "divider.";

    public WindowState {
        columns = Map.copyOf(columns);
        dividers = Map.copyOf(dividers);
    }

    /** A state without column widths or explorer dividers. */
    public WindowState(double x, double y, double width, double height, boolean maximized, double divider) {
        this(x, y, width, height, maximized, divider, Map.of(), Map.of());
    }

    /** @return this state with the given column widths */
    public WindowState withColumns(Map<String, Double> widths) {
        return new WindowState(x, y, width, height, maximized, divider, widths, dividers);
    }

    /** @return this state with the given explorer divider positions */
    public WindowState withDividers(Map<String, Double> positions) {
        return new WindowState(x, y, width, height, maximized, divider, columns, positions);
    }

    /** The size the window opens at when the screen has room for it and nothing was saved. */
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;
    /** The smallest size the window is designed for. */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 700;

    /**
     * Where to open the window: the saved bounds when they still lie on a screen (shrunk and
     * moved to fit inside that screen's visible area), otherwise the default size, shrunk to the
     * primary screen's visible area (without task bars and menus), and centred on it.
     *
     * @param saved   what was saved, or null
     * @param screens the visible bounds of every screen ({@code Screen.getVisualBounds()})
     * @param primary the primary screen's visible bounds
     * @return the bounds to open the window at, inside one screen's visible area
     */
    public static Rectangle2D place(WindowState saved, List<Rectangle2D> screens, Rectangle2D primary) {
        if (saved != null && saved.width() > 0 && saved.height() > 0) {
            for (Rectangle2D screen : screens) {
                // A title bar's worth of the window on this screen: the user can still reach it.
                Rectangle2D top = new Rectangle2D(saved.x(), saved.y(), saved.width(), Math.min(40, saved.height()));
                if (screen.intersects(top)) {
                    return fit(saved.x(), saved.y(), saved.width(), saved.height(), screen);
                }
            }
        }
        double width = Math.min(DEFAULT_WIDTH, primary.getWidth());
        double height = Math.min(DEFAULT_HEIGHT, primary.getHeight());
        return new Rectangle2D(primary.getMinX() + (primary.getWidth() - width) / 2,
                primary.getMinY() + (primary.getHeight() - height) / 2, width, height);
    }

    private static Rectangle2D fit(double x, double y, double width, double height, Rectangle2D screen) {
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        double left = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - w));
        double top = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - h));
        return new Rectangle2D(left, top, w, h);
    }

    /**
     * @param file the window-state file
     * @return what it holds, or null when it is missing or cannot be read
     */
    public static WindowState load(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            WindowState state = new WindowState(number(p, "x"), number(p, "y"), number(p, "width"),
                    number(p, "height"), Boolean.parseBoolean(p.getProperty("maximized")),
                    p.getProperty("divider") == null ? -1 : number(p, "divider"), numbers(p, COLUMN),
                    numbers(p, DIVIDER));
            return state.width() > 0 && state.height() > 0 ? state : null;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("ignoring the window state in {}: {}", file, e.toString());
            return null;
        }
    }

    /** @return the positive numbers saved under the prefix, by the rest of their key; a bad one is left out */
    private static Map<String, Double> numbers(Properties p, String prefix) {
        Map<String, Double> values = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                try {
                    double v = number(p, key);
                    if (v > 0) {
                        values.put(key.substring(prefix.length()), v);
                    }
                } catch (IllegalArgumentException e) {
                    LOG.debug("ignoring the saved value {}: {}", key, e.toString());
                }
            }
        }
        return values;
    }

    private static double number(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        double d = Double.parseDouble(value.trim());
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(key + " is not finite");
        }
        return d;
    }

    /**
     * Writes the state to the file atomically (a temporary file moved over it), so that a crash
     * while writing leaves the previous state, never half of one.
     *
     * @param file the window-state file
     * @throws IOException when it cannot be written
     */
    public void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("x", Double.toString(x));
        p.setProperty("y", Double.toString(y));
        p.setProperty("width", Double.toString(width));
        p.setProperty("height", Double.toString(height));
        p.setProperty("maximized", Boolean.toString(maximized));
        if (divider >= 0) {
            p.setProperty("divider", Double.toString(divider));
        }
        columns.forEach((id, w) -> p.setProperty(COLUMN + id, Double.toString(w)));
        dividers.forEach((name, position) -> p.setProperty(DIVIDER + name, Double.toString(position)));
        StringWriter text = new StringWriter();
        p.store(text, null);
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
