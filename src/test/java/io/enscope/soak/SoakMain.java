package io.enscope.soak;

import io.enscope.emulator.scenario.DemoScenario;
import io.enscope.emulator.scenario.LargeScenario;
import io.enscope.emulator.scenario.Scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The full soak under faults, as a command; prints the result table and exits 0
 * when every check passed, 1 otherwise. From the project directory:
 *
 * <pre>
 * mvn -q test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt
 * java -cp "$(cat target/cp.txt):target/classes:target/test-classes" io.enscope.soak.SoakMain 500
 * </pre>
 *
 * Arguments: {@code [JOBS] [--scenario demo|large] [--seed N] [--workers N] [--data-dir DIR]}
 * (defaults: 500, demo, 20261127, 8, a temporary directory deleted afterwards). The job engine's
 * own INFO log is quiet unless {@code -Denscope.log.level=INFO} is given.
 */
public final class SoakMain {
    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("enscope.log.level") == null) {
            System.setProperty("enscope.log.level", "WARN");
        }
        int jobs = 500;
        String scenarioName = "demo";
        long seed = 20261127L;
        int workers = 8;
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scenario" -> scenarioName = args[++i];
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                default -> jobs = Integer.parseInt(args[i]);
            }
        }
        Scenario scenario = switch (scenarioName) {
            case "demo" -> DemoScenario.create();
            case "large" -> LargeScenario.create(seed);
            default -> throw new IllegalArgumentException("--scenario demo or large");
        };
        SoakRun.Options base = SoakRun.Options.underFaults(jobs, scenario, scenarioName, seed);
        SoakRun.Options options = new SoakRun.Options(base.jobs(), base.scenario(), base.scenarioName(),
                base.pairsWanted(), base.targetsPerHaVip(), base.seed(), base.throttling(), base.systemError(),
                base.drop(), base.slow(), base.slowDelay(), base.readTimeout(), workers, false, base.finishWithin());
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("enscope-soak") : dataDir;
        SoakRun.Result result;
        try {
            result = SoakRun.run(options, dir);
        } finally {
            if (temporary) {
                delete(dir);
            }
        }
        System.out.println(result.table());
        System.exit(result.passed() ? 0 : 1);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
