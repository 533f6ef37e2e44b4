package io.enscope.ui.common;

/** Runs every change on the calling thread, so ViewModel unit tests need no FX thread. */
public final class DirectUiThread implements UiThread {

    @Override
    public void run(Runnable action) {
        action.run();
    }
}
