package io.enscope;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** The console's {@code logback-gui.xml}, on a fresh logback context of its own (the test JVM's logging is left alone). */
class GuiLoggingTest {
    @TempDir
    Path logs;
    private final LoggerContext context = new LoggerContext();

    GuiLoggingTest() {
        // What logback's SLF4J provider gives the context it configures.
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    @AfterEach
    void clear() {
        System.clearProperty("enscope.log.dir");
        System.clearProperty("enscope.log.level");
        context.stop();
    }

    private void configure() throws Exception {
        URL xml = GuiLauncher.class.getClassLoader().getResource("logback-gui.xml");
        assertThat(xml).as("logback-gui.xml on the class path").isNotNull();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(xml);
    }

    @Test
    void theConsoleLogsToARollingFileAndWarningsToStandardError() throws Exception {
        System.setProperty("enscope.log.dir", logs.toString());

        configure();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> file = root.getAppender("FILE");
        assertThat(file).isInstanceOfSatisfying(RollingFileAppender.class, f -> {
            assertThat(f.isStarted()).isTrue();
            assertThat(Path.of(f.getFile())).isEqualTo(logs.resolve("enscope.log"));
        });
        assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class,
                c -> assertThat(c.getTarget()).isEqualTo("System.err"));
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.enscope").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.eclipse.jetty").getEffectiveLevel()).isEqualTo(Level.WARN);

        context.getLogger("io.enscope.Probe").info("written {}", 42);
        context.getLogger("io.enscope.Probe").debug("not written");
        context.getLogger("com.example.Other").info("not written either");
        String written = Files.readString(logs.resolve("enscope.log"), StandardCharsets.UTF_8);
        assertThat(written).contains("INFO  [main] io.enscope.Probe - written 42")
                .doesNotContain("not written");
    }

    @Test
    void enscopeLoggersFollowTheLevelProperty() throws Exception {
        System.setProperty("enscope.log.dir", logs.toString());
        System.setProperty("enscope.log.level", "DEBUG");

        configure();

        assertThat(context.getLogger("io.enscope.binding").getEffectiveLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
    }
}
