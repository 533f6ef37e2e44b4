package io.enscope.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Every icon the console shows, by meaning; the only place that names a glyph. */
public enum AppIcon {
    REGION(Material2OutlinedMZ.PUBLIC),
    NETWORK(Material2OutlinedAL.ACCOUNT_TREE),
    VSWITCH(Material2OutlinedMZ.ROUTER),
    INSTANCE(Material2OutlinedAL.COMPUTER),
    NETWORK_INTERFACE(Material2OutlinedMZ.SETTINGS_ETHERNET),
    HAVIP(Material2OutlinedAL.DEVICE_HUB),
    BIND(Material2OutlinedAL.LINK),
    UNBIND(Material2OutlinedAL.LINK_OFF),
    CREATE(Material2OutlinedAL.ADD),
    DELETE(Material2OutlinedAL.DELETE),
    REFRESH(Material2OutlinedMZ.REFRESH),
    SEARCH(Material2OutlinedMZ.SEARCH),
    COPY(Material2OutlinedAL.CONTENT_COPY),
    EXPORT(Material2OutlinedMZ.SAVE_ALT),
    CLI(Material2OutlinedAL.CODE),
    SETTINGS(Material2OutlinedMZ.SETTINGS),
    CONNECT(Material2OutlinedAL.LOGIN),
    KEY(Material2OutlinedMZ.VPN_KEY),
    SANDBOX(Material2OutlinedMZ.SCIENCE),
    FAULT(Material2OutlinedAL.BUG_REPORT),
    HISTORY(Material2OutlinedAL.HISTORY),
    OK(Material2OutlinedAL.CHECK_CIRCLE),
    BUSY(Material2OutlinedMZ.SYNC),
    QUEUED(Material2OutlinedAL.HOURGLASS_EMPTY),
    WARNING(Material2OutlinedMZ.WARNING),
    ERROR(Material2OutlinedAL.ERROR),
    BLOCKED(Material2OutlinedAL.BLOCK),
    CANCEL(Material2OutlinedAL.CANCEL),
    RETRY(Material2OutlinedMZ.REPLAY),
    INFO(Material2OutlinedAL.INFO),
    NEUTRAL(Material2OutlinedMZ.REMOVE_CIRCLE_OUTLINE),
    LANGUAGE(Material2OutlinedAL.LANGUAGE),
    SHOW(Material2OutlinedMZ.VISIBILITY),
    STOP_WATCHING(Material2OutlinedMZ.VISIBILITY_OFF),
    CLEAR_FINISHED(Material2OutlinedAL.CLEAR_ALL);

    private final Ikon ikon;

    AppIcon(Ikon ikon) {
        this.ikon = ikon;
    }

    public Ikon ikon() {
        return ikon;
    }

    /** A new icon node (a node can only have one parent, so each use gets its own). */
    public FontIcon graphic() {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("app-icon");
        return icon;
    }

    /**
     * This glyph on {@code reused}, the icon a cell keeps for every row it shows: only its glyph
     * changes (no new node, no restyling); a new icon when there is none yet.
     *
     * @param reused the cell's icon, null before its first row
     * @return the icon to show
     */
    public FontIcon on(FontIcon reused) {
        if (reused == null) {
            return graphic();
        }
        if (reused.getIconCode() != ikon) {
            reused.setIconCode(ikon);
        }
        return reused;
    }
}
