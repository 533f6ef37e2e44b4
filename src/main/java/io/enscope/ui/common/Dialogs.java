package io.enscope.ui.common;

import io.enscope.ens.model.HaVip;

/**
 * What ViewModels may ask of the windowing layer, without touching a stage or a control: the
 * composition root implements it with real dialogs, tests with a fake.
 */
public interface Dialogs {

    /**
     * Asks a question; true when the user confirmed. Called on the UI thread.
     *
     * @param action the confirming button's text: what it does, as a verb ("Delete HaVip", "Unbind")
     */
    boolean confirm(String title, String message, String action);

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
