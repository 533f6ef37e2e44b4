package io.enscope.emulator;

import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.scenario.ScenarioFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code enscope emulator …}: serves the ENS API emulator until stopped (Ctrl+C or SIGTERM).
 * It loads no JavaFX class.
 */
@Command(name = "emulator", sortOptions = false,
        description = "Serve the ENS API emulator (2017-11-10) on loopback until stopped.")
public final class EmulatorCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--port", defaultValue = "9180", description = "TCP port; 0 picks a free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--allow-remote", description = "Allow a non-loopback --bind address.")
    boolean allowRemote;

    @Option(names = "--scenario", defaultValue = "demo", description = "demo, large or a JSON scenario FILE (default ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--seed", defaultValue = "20171110", description = "Seed of the large scenario, ids and random delays.")
    long seed;

    @Option(names = "--access-key", paramLabel = "ID:SECRET", description = "Admin key pair; generated and printed when absent.")
    String accessKey;

    @Option(names = "--readonly-access-key", paramLabel = "ID:SECRET", description = "Read-only key pair; generated and printed when absent.")
    String readOnlyAccessKey;

    @Option(names = "--state", paramLabel = "FILE", description = "Keep state in FILE, each write on disk before it is answered, and restore it on start.")
    Path stateFile;

    @Option(names = "--fault", paramLabel = "SPEC", description = "Fault rule ACTION:KIND:p=P|next=N[:ms=N]; KIND is throttling, system-error, unavailable, slow or drop. Repeatable.")
    List<String> faults = new ArrayList<>();

    @Option(names = "--delay", paramLabel = "TIMING", description = "Timing of every transition: immediate, fixed:MS, random:MIN-MAX or polls:N.")
    String delay;

    @Option(names = "--delay-create", paramLabel = "TIMING", description = "Timing of Creating -> Available.")
    String delayCreate;

    @Option(names = "--delay-associate", paramLabel = "TIMING", description = "Timing of Associating -> InUse.")
    String delayAssociate;

    @Option(names = "--delay-unassociate", paramLabel = "TIMING", description = "Timing of Unassociating -> removed.")
    String delayUnassociate;

    @Option(names = "--delay-delete", paramLabel = "TIMING", description = "Timing of Deleting -> removed.")
    String delayDelete;

    @Option(names = "--max-targets-per-havip", defaultValue = "10", description = "CountLimitExceed.InstanceOnHaVip limit (default ${DEFAULT-VALUE}).")
    int maxTargetsPerHaVip;

    @Option(names = "--max-havips-per-target", defaultValue = "5", description = "CountLimitExceed.HaVipOnInstance limit (default ${DEFAULT-VALUE}).")
    int maxHaVipsPerTarget;

    @Option(names = "--control-token", description = "Token for the /_emulator/ control endpoints; generated and printed when absent.")
    String controlToken;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line; returns the exit code (it blocks while the emulator serves). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new EmulatorCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("emulator: " + e.getMessage());
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        EnsEmulator.Builder builder = EnsEmulator.builder()
                .port(port)
                .bindAddress(bind)
                .allowRemote(allowRemote)
                .seed(seed)
                .scenario(ScenarioFiles.resolve(scenario, seed))
                .timings(timings())
                .limits(new Limits(maxTargetsPerHaVip, maxHaVipsPerTarget))
                .stateFile(stateFile);
        Account admin = accessKey != null ? Account.parse(accessKey, false) : Account.generate(false);
        Account readOnly = readOnlyAccessKey != null ? Account.parse(readOnlyAccessKey, true) : Account.generate(true);
        builder.account(admin).account(readOnly);
        String token = controlToken != null ? controlToken : HexFormat.of().formatHex(randomBytes());
        builder.controlToken(token);
        for (String f : faults) {
            builder.fault(FaultRule.parse(f));
        }
        EnsEmulator emulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "ens-emulator-shutdown"));

        if (accessKey == null) {
            out.println("admin access key (generated): " + admin.accessKeyId() + ":" + admin.accessKeySecret());
        }
        if (readOnlyAccessKey == null) {
            out.println("read-only access key (generated): " + readOnly.accessKeyId() + ":"
                    + readOnly.accessKeySecret());
        }
        if (controlToken == null) {
            out.println("control token (generated): " + token);
        }
        out.println("scenario: " + scenario + " (" + emulator.state().counts() + ")");
        out.println("emulator listening on " + emulator.url());
        out.flush();
        stopped.await();
        return 0;
    }

    private Timings timings() {
        Timings t = delay != null ? Timings.all(TransitionTiming.parse(delay)) : Timings.realistic();
        if (delayCreate != null) {
            t = t.withCreate(TransitionTiming.parse(delayCreate));
        }
        if (delayAssociate != null) {
            t = t.withAssociate(TransitionTiming.parse(delayAssociate));
        }
        if (delayUnassociate != null) {
            t = t.withUnassociate(TransitionTiming.parse(delayUnassociate));
        }
        if (delayDelete != null) {
            t = t.withDelete(TransitionTiming.parse(delayDelete));
        }
        return t;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
