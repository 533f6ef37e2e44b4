package io.enscope;

import io.enscope.emulator.ops.EmulatorState;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Composition root of the console. Until the console screens exist it shows that the sandbox
 * (the embedded ENS emulator with the demo scenario) is running: its endpoint and what it holds.
 */
public final class App extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", Locale.getDefault());
    private volatile Sandbox sandbox;

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.error("uncaught exception in {}", t.getName(), e));
        Label status = new Label(bundle.getString("sandbox.status.starting"));
        status.setId("sandboxStatus");
        Label banner = new Label(bundle.getString("sandbox.banner"));
        banner.setId("sandboxBanner");
        banner.setStyle("-fx-font-weight: bold; -fx-padding: 6 10; -fx-background-color: #fff3cd;"
                + " -fx-text-fill: #664d03;");
        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        VBox root = new VBox(12, banner, status, facts);
        root.setPadding(new Insets(16));
        stage.setTitle(bundle.getString("app.title"));
        stage.setScene(new Scene(root, 520, 280));
        stage.show();

        Task<Sandbox> startSandbox = new Task<>() {
            @Override
            protected Sandbox call() {
                return Sandbox.start();
            }
        };
        startSandbox.setOnSucceeded(e -> {
            sandbox = startSandbox.getValue();
            EmulatorState.Counts counts = sandbox.emulator().state().counts();
            status.setText(bundle.getString("sandbox.status.running"));
            addFact(facts, 0, "sandbox.endpoint", sandbox.emulator().url(), "sandboxEndpoint");
            addFact(facts, 1, "sandbox.count.regions", counts.regions(), "countRegions");
            addFact(facts, 2, "sandbox.count.vswitches", counts.vSwitches(), "countVSwitches");
            addFact(facts, 3, "sandbox.count.instances", counts.instances(), "countInstances");
            addFact(facts, 4, "sandbox.count.enis", counts.networkInterfaces(), "countEnis");
            addFact(facts, 5, "sandbox.count.havips", counts.haVips(), "countHaVips");
        });
        startSandbox.setOnFailed(e -> {
            LOG.error("the sandbox could not start", startSandbox.getException());
            status.setText(MessageFormat.format(bundle.getString("sandbox.status.failed"),
                    String.valueOf(startSandbox.getException().getMessage())));
        });
        Thread starter = new Thread(startSandbox, "sandbox-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void addFact(GridPane grid, int row, String key, Object value, String id) {
        Label name = new Label(bundle.getString(key));
        Label text = new Label(String.valueOf(value));
        text.setId(id);
        grid.addRow(row, name, text);
    }

    @Override
    public void stop() {
        Sandbox s = sandbox;
        if (s != null) {
            s.close();
        }
    }
}
