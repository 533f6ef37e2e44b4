package io.enscope.ui.activity;

import io.enscope.ens.model.HaVip;
import io.enscope.ui.common.Dialogs;
import io.enscope.ui.common.Tone;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Dialogs that record what they were asked: notifications, clipboard texts, errors. Thread-safe. */
final class RecordingDialogs implements Dialogs {
    record Notification(String title, String text, Tone tone) {
    }

    final List<Notification> notifications = new CopyOnWriteArrayList<>();
    final List<String> copied = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Override
    public boolean confirm(String title, String message, String action) {
        return true;
    }

    @Override
    public void openBind(HaVip haVip) {
        throw new AssertionError("the activities pane opens no bind dialog");
    }

    @Override
    public void openCreateHaVip(String vSwitchId) {
        throw new AssertionError("the activities pane opens no create dialog");
    }

    @Override
    public void showError(String context, Throwable error) {
        errors.add(error);
    }

    @Override
    public void notify(String title, String text, Tone tone) {
        notifications.add(new Notification(title, text, tone));
    }

    @Override
    public void copy(String text) {
        copied.add(text);
    }
}
