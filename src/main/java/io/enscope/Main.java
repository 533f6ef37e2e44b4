package io.enscope;

import io.enscope.emulator.EmulatorCommand;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;

/**
 * Entry point with modes: the console (default), {@code emulator …} (the standalone ENS API
 * emulator, which loads no JavaFX class), {@code --version} and {@code --smoke} (the console on
 * the sandbox binds once and exits, see {@link Smoke}). It is a plain class, not an
 * {@code Application}, so that JavaFX on the class path starts (toolchain.md). When the console
 * cannot open its window (Linux without a display or GTK 3) it says so in one line on stderr and
 * exits with {@value GuiLauncher#NO_WINDOW}; the other modes need neither.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("emulator")) {
            System.exit(EmulatorCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println("Enscope " + version());
            return;
        }
        if (args.length > 0 && args[0].equals("--smoke")) {
            System.exit(GuiLauncher.smoke(Arrays.copyOfRange(args, 1, args.length)));
        }
        GuiLauncher.launch(args);
    }

    /** The version from the build, or {@code dev} when run from an IDE without filtering. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "dev";
        }
        String v = p.getProperty("version", "dev");
        return v.startsWith("${") ? "dev" : v;
    }
}
