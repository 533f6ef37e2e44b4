package io.enscope;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests' logging (src/test/resources/logback-test.xml): what tests log, the errors they provoke
 * included, goes to a file under the build directory and never to the build's console output.
 */
class TestLoggingTest {
    @Test
    void testLogsGoToAFileUnderTheBuildDirectoryNotToTheConsole() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        assertThat(appenders).noneMatch(a -> a instanceof ConsoleAppender<?>);
        Path file = appenders.stream().filter(a -> a instanceof FileAppender<?>)
                .map(a -> Path.of(((FileAppender<?>) a).getFile())).findFirst().orElseThrow();
        Path buildDir = Path.of(System.getProperty("enscope.test.build.dir", "target"));
        assertThat(file.toAbsolutePath()).startsWith(buildDir.toAbsolutePath());

        String marker = "provoked-" + UUID.randomUUID();
        LoggerFactory.getLogger("io.enscope.Probe").error(marker, new IllegalStateException("on purpose"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains(marker, "IllegalStateException");
    }
}
