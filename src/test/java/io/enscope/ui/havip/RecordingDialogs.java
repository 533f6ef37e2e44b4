package io.enscope.ui.havip;

import io.enscope.ens.model.HaVip;
import io.enscope.ui.common.Dialogs;
import io.enscope.ui.common.Tone;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Dialogs} that answers confirmations as told and records every call. */
public final class RecordingDialogs implements Dialogs {
    public final List<String> confirmations = new CopyOnWriteArrayList<>();
    public final List<HaVip> bindDialogs = new CopyOnWriteArrayList<>();
    public final List<String> createDialogs = new CopyOnWriteArrayList<>();
    public final List<Throwable> errors = new CopyOnWriteArrayList<>();
    public final List<String> notifications = new CopyOnWriteArrayList<>();
    public final List<String> copied = new CopyOnWriteArrayList<>();
    public volatile boolean confirmAnswer = true;

    @Override
    public boolean confirm(String title, String message, String action) {
        confirmations.add(title + "\n" + message + "\n[" + action + "]");
        return confirmAnswer;
    }

    @Override
    public void openBind(HaVip haVip) {
        bindDialogs.add(haVip);
    }

    @Override
    public void openCreateHaVip(String vSwitchId) {
        createDialogs.add(vSwitchId);
    }

    @Override
    public void showError(String context, Throwable error) {
        errors.add(error);
    }

    @Override
    public void notify(String title, String text, Tone tone) {
        notifications.add(title + ": " + text);
    }

    @Override
    public void copy(String text) {
        copied.add(text);
    }

    /** @return the last text put on the clipboard */
    public String lastCopied() {
        return copied.isEmpty() ? null : copied.get(copied.size() - 1);
    }
}
