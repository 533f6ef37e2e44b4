package io.enscope;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link GuiLogging}, on a fresh logback context of its own (the test JVM's logging is left alone). */
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
        System.clearProperty(GuiLogging.PROPERTY);
        System.clearProperty(GuiLogging.DIR_PROPERTY);
        System.clearProperty("enscope.log.level");
        context.stop();
    }

    private ExecutionStatus configure() {
        GuiLogging logging = new GuiLogging();
        logging.setContext(context);
        return logging.configure(context);
    }

    @Test
    void theConsoleLogsToARollingFileAndWarningsToStandardError() throws Exception {
        System.setProperty(GuiLogging.PROPERTY, "true");
        System.setProperty(GuiLogging.DIR_PROPERTY, logs.toString());

        assertThat(configure()).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

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
    void enscopeLoggersFollowTheLevelProperty() {
        System.setProperty(GuiLogging.PROPERTY, "true");
        System.setProperty(GuiLogging.DIR_PROPERTY, logs.toString());
        System.setProperty("enscope.log.level", "DEBUG");

        configure();

        assertThat(context.getLogger("io.enscope.binding").getEffectiveLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void otherModesAndAnExplicitConfigurationFileAreLeftToLogback() {
        assertThat(configure()).as("not the console").isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);

        System.setProperty(GuiLogging.PROPERTY, "true");
        System.setProperty(GuiLogging.DIR_PROPERTY, logs.toString());
        System.setProperty("logback.configurationFile", "my-logback.xml");
        try {
            assertThat(configure()).as("-Dlogback.configurationFile").isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        } finally {
            System.clearProperty("logback.configurationFile");
        }
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }
}
