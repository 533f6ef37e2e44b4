package io.enscope.tools;

import io.enscope.App;
import io.enscope.AppDirectories;
import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.ens.model.InstanceType;
import io.enscope.ui.explorer.ExplorerNode;
import io.enscope.ui.explorer.ExplorerRow;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.testfx.api.FxToolkit;

/**
 * Takes the README screenshots from the real app under Xvfb on a 1280×800 screen: the main window
 * with a HaVip selected and three binds under way in the Activities pane, and the bind dialog. Run
 * once per theme:
 *
 * <pre>
 * mvn -B -q test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
 * xvfb-run -a -s "-screen 0 1280x800x24" java -cp "$(cat target/cp.txt):target/classes:target/test-classes" \
 *     io.enscope.tools.ScreenshotTour docs/screenshots LIGHT
 * </pre>
 * It calls ImageMagick's {@code import -window root} for each picture.
 */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Paths.get(args.length > 0 ? args[0] : "docs/screenshots");
        String theme = args.length > 1 ? args[1] : "LIGHT";
        String language = args.length > 2 ? args[2] : "en";
        String suffix = theme.toLowerCase() + (language.equals("en") ? "" : "-" + language);
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("enscope-shots");
        Files.writeString(data.resolve("settings.json"), "{\"theme\":\"" + theme + "\",\"language\":\"" + language + "\"}");
        System.setProperty(AppDirectories.OVERRIDE_PROPERTY, data.toString());
        System.setProperty("enscope.sandbox.delay", "fixed:600000");
        FxToolkit.registerPrimaryStage();
        App app = (App) FxToolkit.setupApplication(App.class);

        Stage main = waitFor(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().startsWith("Enscope")).map(w -> (Stage) w).findFirst());
        DemoScenario.Showcase pair = DemoScenario.showcases().stream()
                .filter(s -> s.outcome().equals(DemoScenario.SUCCESS)).findFirst().orElseThrow();
        String vSwitchId = DemoScenario.create().haVips().stream().filter(h -> h.haVipId().equals(pair.haVipId()))
                .findFirst().orElseThrow().vSwitchId();
        @SuppressWarnings("unchecked")
        TreeView<ExplorerNode> tree = (TreeView<ExplorerNode>) waitFor(() -> find(main.getScene().getRoot(), "#tree"));
        waitFor(() -> index(tree, vSwitchId) >= 0 ? Optional.of(true) : Optional.<Boolean>empty());
        onFx(() -> {
            int row = index(tree, vSwitchId);
            tree.getSelectionModel().select(row);
            tree.scrollTo(Math.max(0, row - 3));
            return Optional.of(true);
        });
        TableView<?> havips = (TableView<?>) waitFor(() -> find(main.getScene().getRoot(), "#haVipTable"));
        waitFor(() -> {
            for (int i = 0; i < havips.getItems().size(); i++) {
                if (((ExplorerRow) havips.getItems().get(i)).getId().equals(pair.haVipId())) {
                    havips.getSelectionModel().select(i);
                    return Optional.of(true);
                }
            }
            return Optional.<Boolean>empty();
        });
        // three binds on other HaVips, so the Activities pane has rows: one that stays Associating
        // (the sandbox's delay above) and two that the emulator refuses, with their error codes
        waitFor(() -> Optional.ofNullable(app.workspace()));
        java.util.Set<String> used = new java.util.HashSet<>(java.util.List.of(pair.haVipId()));
        DemoScenario.showcases().stream()
                .filter(s -> used.add(s.haVipId()))
                .limit(3)
                .forEach(other -> app.workspace().jobs().submitBind(other.haVipId(), other.targetId(),
                        InstanceType.fromWire(other.instanceType())));
        TableView<?> activities = (TableView<?>) waitFor(() -> find(main.getScene().getRoot(), "#activitySlot #table"));
        waitFor(() -> activities.getItems().size() >= 3 ? Optional.of(true) : Optional.<Boolean>empty());
        settle();
        shoot(out.resolve("main-" + suffix + ".png"));

        onFx(() -> {
            ((Button) find(main.getScene().getRoot(), "#bindButton").orElseThrow()).fire();
            return Optional.of(true);
        });
        Node box = waitFor(() -> Window.getWindows().stream().filter(Window::isShowing)
                .map(w -> find(w.getScene().getRoot(), "#select-" + pair.targetId())).flatMap(Optional::stream)
                .findFirst());
        onFx(() -> {
            ((CheckBox) box).setSelected(true);
            find(box.getScene().getRoot(), "#showIneligibleCheck").map(n -> (CheckBox) n)
                    .ifPresent(c -> c.setSelected(true));
            return Optional.of(true);
        });
        settle();
        shoot(out.resolve("bind-" + suffix + ".png"));
        Platform.exit();
        System.exit(0);
    }

    private static int index(TreeView<ExplorerNode> tree, String id) {
        for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            TreeItem<ExplorerNode> item = tree.getTreeItem(i);
            if (item != null && item.getValue() != null && id.equals(item.getValue().id())) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Node> find(Parent root, String selector) {
        return Optional.ofNullable(root.lookup(selector));
    }

    private static <T> T onFx(Callable<Optional<T>> action) throws Exception {
        FutureTask<Optional<T>> task = new FutureTask<>(action);
        Platform.runLater(task);
        return task.get(10, TimeUnit.SECONDS).orElse(null);
    }

    private static <T> T waitFor(Callable<Optional<T>> probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            FutureTask<Optional<T>> task = new FutureTask<>(probe);
            try {
                Platform.runLater(task);
            } catch (IllegalStateException toolkitNotStartedYet) {
                TimeUnit.MILLISECONDS.sleep(200);
                continue;
            }
            Optional<T> value = task.get(10, TimeUnit.SECONDS);
            if (value.isPresent()) {
                return value.get();
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("the app did not reach the expected state in 60 s");
    }

    private static void settle() throws Exception {
        // a screenshot tool, not a test: give layout, CSS and the first pulses time to finish
        TimeUnit.MILLISECONDS.sleep(1500);
        onFx(() -> Optional.of(true));
    }

    private static void shoot(Path file) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
    }
}
