package io.enscope.ui.common;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Runs pieces of UI construction in separate FX turns, each after the pulse that styled and laid
 * out what the previous piece added, so that no single turn (or pulse) of the FX thread does all
 * of it. Building the explorer, the HaVip detail and the activities pane in one turn made one
 * stall of 250–600 ms in a cold JVM (the first CSS and layout of every control class happen in the
 * pulse after it); split, each turn and each pulse does a part.
 *
 * <p>Each step runs on the FX thread, in order, in a {@link Platform#runLater} posted after the
 * layout pass of the pulse that follows the previous step. While the anchor is in no scene, the
 * steps wait until it is put in one; when its scene is not in a showing window (no pulse would
 * come), the next step simply follows in the next turn. {@link #cancel()}
 * drops the steps not run yet (e.g. when the views are disposed before they are complete).
 * Not thread-safe: FX thread only.
 */
public final class PulseSteps {
    private final Node anchor;
    private final Deque<Runnable> steps = new ArrayDeque<>();
    private boolean scheduled;
    private boolean cancelled;

    /** @param anchor a node of the scene whose pulses pace the steps */
    public PulseSteps(Node anchor) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
    }

    /**
     * Queues a step: it runs in its own FX turn, after the pulse that follows the previous step
     * (or, for the first, after the next pulse).
     *
     * @param step the work
     * @return this, to chain
     */
    public PulseSteps then(Runnable step) {
        steps.add(Objects.requireNonNull(step, "step"));
        scheduleNext();
        return this;
    }

    /** Drops the steps that have not run yet. */
    public void cancel() {
        cancelled = true;
        steps.clear();
    }

    private void scheduleNext() {
        if (scheduled || cancelled || steps.isEmpty()) {
            return;
        }
        scheduled = true;
        Scene scene = anchor.getScene();
        if (scene == null) {
            // not in a scene yet (e.g. a view being loaded): wait for it, then for its next pulse
            anchor.sceneProperty().addListener(new ChangeListener<Scene>() {
                @Override
                public void changed(ObservableValue<? extends Scene> obs, Scene old, Scene now) {
                    if (now != null) {
                        anchor.sceneProperty().removeListener(this);
                        scheduled = false;
                        scheduleNext();
                    }
                }
            });
            return;
        }
        Window window = scene.getWindow();
        if (window == null || !window.isShowing()) {
            Platform.runLater(this::runNext);
            return;
        }
        Runnable[] hook = new Runnable[1];
        hook[0] = () -> {
            scene.removePostLayoutPulseListener(hook[0]);
            Platform.runLater(this::runNext);
        };
        scene.addPostLayoutPulseListener(hook[0]);
        Platform.requestNextPulse();
    }

    private void runNext() {
        scheduled = false;
        if (cancelled) {
            return;
        }
        Runnable step = steps.poll();
        if (step != null) {
            step.run();
        }
        scheduleNext();
    }
}
