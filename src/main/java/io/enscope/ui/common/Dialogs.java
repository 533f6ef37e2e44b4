package io.enscope.ui.common;

import io.enscope.ens.model.HaVip;

/**
 * What ViewModels may ask of the windowing layer, without touching a stage or a control: the
 * composition root implements it with real dialogs, tests with a fake.
 */
public interface Dialogs {

    /** Asks a yes/no question; true when the user confirmed. Called on the UI thread. */
    boolean confirm(String title, String message);

    /** Opens the bind dialog of a HaVip. */
    void openBind(HaVip haVip);

    /** Opens the create-HaVip dialog for a VSwitch. */
    void openCreateHaVip(String vSwitchId);

    /** Shows an unexpected error in the one error dialog. */
    void showError(String context, Throwable error);

    /** A passing notification (a job ended, a fault was injected…). */
    void notify(String title, String text, Tone tone);

    /** Puts text on the clipboard. */
    void copy(String text);
}
