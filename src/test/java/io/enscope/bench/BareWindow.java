package io.enscope.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline of {@link StartupBenchmark}: a trivial JavaFX application, one Label in a window of Enscope's size. */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Bare JavaFX window");
        stage.setScene(new Scene(new StackPane(new Label("Hello, JavaFX")), 1280, 800));
        stage.show();
    }

    /**
     * The entry point, in a class that is not an {@code Application}, as {@code io.enscope.Main} is:
     * with JavaFX on the class path, the java launcher refuses an {@code Application} main class.
     */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }
}
