package io.enscope;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.Logger;

import java.nio.file.Path;

/**
 * The console's logging, set up in code (a logback {@link Configurator}, found through
 * {@code META-INF/services}): a rolling file in the per-user log directory, five files of 5 MB, and
 * warnings on standard error. {@link GuiLauncher} asks for it with {@value #PROPERTY} and
 * {@value #DIR_PROPERTY}; the other modes (the emulator command, {@code --version}) and an explicit
 * {@code -Dlogback.configurationFile} get logback's usual configuration ({@code logback.xml}).
 *
 * <p>In code rather than in XML because logback's XML configuration costs 170–210 ms of CPU at
 * start-up (this one about 60 ms), on two cores competing with JavaFX's own start
 * (docs/benchmarks.md). {@code -Denscope.log.level=DEBUG} sets the level of Enscope's loggers.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class GuiLogging extends ContextAwareBase implements Configurator {
    /** {@code true}: the console's logging (set by {@link GuiLauncher}). */
    static final String PROPERTY = "enscope.log.gui";
    /** The directory of the log files. */
    static final String DIR_PROPERTY = "enscope.log.dir";
    private static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    private static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (!Boolean.getBoolean(PROPERTY) || dir == null || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Path logs = Path.of(dir);
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(logs.resolve("enscope.log").toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(logs.resolve("enscope.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(5);
        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(context);
        size.setMaxFileSize(FileSize.valueOf("5MB"));
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(size);
        file.setEncoder(encoder(context, FILE_PATTERN));
        rolling.start();
        size.start();
        file.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel("WARN");
        warnings.start();
        console.addFilter(warnings);
        console.setEncoder(encoder(context, CONSOLE_PATTERN));
        console.start();

        context.getLogger("org.apache.http").setLevel(Level.INFO);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("io.enscope").setLevel(Level.toLevel(System.getProperty("enscope.log.level"), Level.INFO));
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(file);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
