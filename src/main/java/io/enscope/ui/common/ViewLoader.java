package io.enscope.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;

/**
 * Loads {@code XxxView.fxml} beside {@code XxxView} with the current bundle; controllers come
 * from the composition root's factory, so they get their ViewModels through constructors.
 */
public final class ViewLoader {
    private final I18n i18n;
    private final Callback<Class<?>, Object> controllerFactory;

    public ViewLoader(I18n i18n, Callback<Class<?>, Object> controllerFactory) {
        this.i18n = i18n;
        this.controllerFactory = controllerFactory;
    }

    /** A loaded view: its root node and its controller. */
    public record Loaded<C>(Parent root, C controller) {
    }

    public <C> Loaded<C> load(Class<C> viewClass) {
        URL fxml = Objects.requireNonNull(viewClass.getResource(viewClass.getSimpleName() + ".fxml"),
                () -> viewClass.getSimpleName() + ".fxml is missing");
        FXMLLoader loader = new FXMLLoader(fxml, i18n.bundle());
        loader.setControllerFactory(controllerFactory);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, viewClass.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not load " + fxml, e);
        }
    }

    /** Loads a view whose controller the caller has already made (with its ViewModel). */
    public <C> Loaded<C> load(Class<C> viewClass, C controller) {
        URL fxml = Objects.requireNonNull(viewClass.getResource(viewClass.getSimpleName() + ".fxml"),
                () -> viewClass.getSimpleName() + ".fxml is missing");
        FXMLLoader loader = new FXMLLoader(fxml, i18n.bundle());
        loader.setControllerFactory(type -> {
            if (type.isInstance(controller)) {
                return controller;
            }
            return controllerFactory.call(type);
        });
        try {
            Parent root = loader.load();
            return new Loaded<>(root, controller);
        } catch (IOException e) {
            throw new UncheckedIOException("could not load " + fxml, e);
        }
    }

    public I18n i18n() {
        return i18n;
    }
}
