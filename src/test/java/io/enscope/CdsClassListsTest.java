package io.enscope;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two class lists of packaging/cds (packaging/README.md, "The runtime's CDS archive"): the one
 * archived at build time must hold no class of the application or its libraries (an archive with
 * class-path classes is not used at all once the installer has moved the jars), and the one the
 * Linux packages archive at install time must still name the application's classes.
 */
class CdsClassListsTest {
    private static final Path BUILD_TIME = Path.of("packaging", "cds", "enscope.classlist");
    private static final Path INSTALL_TIME = Path.of("packaging", "cds", "enscope-installed.classlist");

    @Test
    void theBuildTimeListHoldsOnlyClassesOfTheRuntime() throws IOException {
        List<String> names = classNames(BUILD_TIME);
        ClassLoader loader = getClass().getClassLoader();

        List<String> fromTheClassPath = names.stream().filter(name -> {
            try {
                CodeSource source = Class.forName(name, false, loader).getProtectionDomain().getCodeSource();
                URL location = source == null ? null : source.getLocation();
                // JDK classes have none or a jrt: one; JavaFX's come from its jars here, from the runtime when packaged
                return location != null && !location.getProtocol().equals("jrt")
                        && !location.getPath().contains("/org/openjfx/");
            } catch (ClassNotFoundException | LinkageError e) {
                return false; // e.g. a glass class of another OS
            }
        }).collect(Collectors.toList());

        assertThat(names).hasSizeGreaterThan(3_000);
        assertThat(fromTheClassPath).as("classes of the application's jars in " + BUILD_TIME
                + " (regenerate it with packaging/cds/generate-classlist.sh)").isEmpty();
    }

    @Test
    void theInstallTimeListStillNamesTheApplicationsClasses() throws IOException {
        List<String> own = classNames(INSTALL_TIME).stream().filter(name -> name.startsWith("io.enscope."))
                .collect(Collectors.toList());
        ClassLoader loader = getClass().getClassLoader();
        long missing = own.stream().filter(name -> loader.getResource(name.replace('.', '/') + ".class") == null)
                .count();

        assertThat(own).contains(App.class.getName(), "io.enscope.ui.main.MainView",
                "io.enscope.ui.explorer.ExplorerView", "io.enscope.emulator.EnsEmulator");
        assertThat(missing).as("Enscope classes of " + INSTALL_TIME + " that no longer exist (regenerate it with "
                + "packaging/cds/generate-classlist.sh)").isLessThan(own.size() / 10);
    }

    /** The class entries of a class list (not its comments and @ lines), as binary names. */
    private static List<String> classNames(Path list) throws IOException {
        return Files.readAllLines(list).stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("@"))
                .map(line -> line.split("\\s+")[0].replace('/', '.'))
                .collect(Collectors.toList());
    }
}
