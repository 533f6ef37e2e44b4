package io.enscope.emulator;

import io.enscope.emulator.fault.FaultRule;
import io.enscope.emulator.scenario.ScenarioFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Option(names = "--access-key", paramLabel = "ID:SECRET", description = "Admin key pair; generated and printed when absent. Other users see it in the process list: prefer --access-key-file or the environment.")
    String accessKey;

    @Option(names = "--readonly-access-key", paramLabel = "ID:SECRET", description = "Read-only key pair; generated and printed when absent.")
    String readOnlyAccessKey;

    @Option(names = "--access-key-file", paramLabel = "FILE", description = "Read the key pairs and control token from FILE (lines access-key=ID:SECRET, readonly-access-key=ID:SECRET, control-token=TOKEN); it must not be readable by other users.")
    Path accessKeyFile;

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

    @Option(names = "--havip-statuses", paramLabel = "transitional|documented", defaultValue = "transitional", description = "HaVip Status while an association is made or removed: Associating/Unassociating (transitional) or only the documented InUse/Available (documented); the association's own Status is Associating/Unassociating in both (default ${DEFAULT-VALUE}).")
    String haVipStatuses;

    @Option(names = "--control-token", description = "Token for the /_emulator/ control endpoints (at least 16 characters); generated and printed when absent.")
    String controlToken;

    @Option(names = "--max-connections", defaultValue = "512", description = "Connections open at once; more wait until one closes (default ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Time a client has to send a whole request, body included (default ${DEFAULT-VALUE}).")
    int requestTimeoutSeconds;

    @Option(names = "--rate-limits", paramLabel = "documented|off|FILE", defaultValue = "documented", description = "Flow control per operation: the documented ENS limits, none, or a JSON FILE of operation -> {api, account, user} calls per second (default ${DEFAULT-VALUE}).")
    String rateLimits;

    @Option(names = "--eip-on-havip", description = "Let AssociateEnsEipAddress bind an EIP to a HaVip (InstanceType=HaVip), which ENS does not document, and bind some in the built-in scenarios. Off: that call answers InvalidParameter.InstanceType.")
    boolean eipOnHaVip;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment variables that may hold the admin key pair, safer than the command line. */
    static final String ENV_ACCESS_KEY_ID = "ENSCOPE_EMULATOR_ACCESS_KEY_ID";
    static final String ENV_ACCESS_KEY_SECRET = "ENSCOPE_EMULATOR_ACCESS_KEY_SECRET";
    static final int MIN_CONTROL_TOKEN_LENGTH = 16;

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
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        Secrets secrets = secrets(System.getenv());
        exitOnOutOfMemory();
        EnsEmulator.Builder builder = EnsEmulator.builder()
                .port(port)
                .bindAddress(bind)
                .allowRemote(allowRemote)
                .seed(seed)
                .scenario(ScenarioFiles.resolve(scenario, seed, eipOnHaVip))
                .eipOnHaVip(eipOnHaVip)
                .timings(timings())
                .limits(new Limits(maxTargetsPerHaVip, maxHaVipsPerTarget))
                .haVipStatuses(HaVipStatuses.parse(haVipStatuses))
                .rateLimits(RateLimits.resolve(rateLimits))
                .stateFile(stateFile)
                .maxConnections(maxConnections)
                .requestTimeout(Duration.ofSeconds(requestTimeoutSeconds));
        Account admin = secrets.admin() != null ? secrets.admin() : Account.generate(false);
        Account readOnly = secrets.readOnly() != null ? secrets.readOnly() : Account.generate(true);
        builder.account(admin).account(readOnly);
        String token = secrets.controlToken() != null ? secrets.controlToken()
                : HexFormat.of().formatHex(randomBytes());
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

        if (secrets.admin() == null) {
            out.println("admin access key (generated): " + admin.accessKeyId() + ":" + admin.accessKeySecret());
        }
        if (secrets.readOnly() == null) {
            out.println("read-only access key (generated): " + readOnly.accessKeyId() + ":"
                    + readOnly.accessKeySecret());
        }
        if (secrets.controlToken() == null) {
            out.println("control token (generated): " + token);
        }
        out.println("scenario: " + scenario + " (" + emulator.state().counts() + ")");
        out.println("emulator listening on " + emulator.url());
        out.flush();
        stopped.await();
        return 0;
    }

    /** The key pairs and control token given; {@code null} for each one to generate. */
    record Secrets(Account admin, Account readOnly, String controlToken) {
    }

    /**
     * Gathers the secrets from the options, then the key file, then the environment (the first one
     * that gives a value wins), and checks the control token.
     *
     * @throws IllegalArgumentException for a short control token, a malformed or unprotected key file
     */
    Secrets secrets(Map<String, String> env) throws IOException {
        Map<String, String> file = accessKeyFile == null ? Map.of() : readKeyFile(accessKeyFile);
        String admin = firstOf(accessKey, file.get("access-key"), envPair(env));
        String readOnly = firstOf(readOnlyAccessKey, file.get("readonly-access-key"), null);
        String token = firstOf(controlToken, file.get("control-token"), null);
        if (token != null && token.strip().length() < MIN_CONTROL_TOKEN_LENGTH) {
            throw new IllegalArgumentException("the control token must be at least " + MIN_CONTROL_TOKEN_LENGTH
                    + " characters long; leave it out to have one generated");
        }
        return new Secrets(admin == null ? null : Account.parse(admin, false),
                readOnly == null ? null : Account.parse(readOnly, true), token);
    }

    private static String firstOf(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    private static String envPair(Map<String, String> env) {
        String id = env.get(ENV_ACCESS_KEY_ID);
        String secret = env.get(ENV_ACCESS_KEY_SECRET);
        if (id == null && secret == null) {
            return null;
        }
        if (id == null || secret == null || id.isBlank() || secret.isBlank()) {
            throw new IllegalArgumentException("set both " + ENV_ACCESS_KEY_ID + " and " + ENV_ACCESS_KEY_SECRET
                    + ", or neither");
        }
        return id.strip() + ":" + secret.strip();
    }

    /** Reads {@code name=value} lines; blank lines and lines starting with {@code #} are skipped. */
    static Map<String, String> readKeyFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the access key file " + file + " does not exist or is not a file");
        }
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                throw new IllegalArgumentException("the access key file " + file
                        + " is readable by other users; restrict it with: chmod 600 " + file);
            }
        }
        Map<String, String> values = new HashMap<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            String name = eq < 0 ? "" : trimmed.substring(0, eq).strip();
            if (!Set.of("access-key", "readonly-access-key", "control-token").contains(name)) {
                // The line itself is not quoted: it may hold a secret.
                throw new IllegalArgumentException("line " + lineNumber + " of the access key file " + file
                        + " is not access-key=ID:SECRET, readonly-access-key=ID:SECRET or control-token=TOKEN");
            }
            values.put(name, trimmed.substring(eq + 1).strip());
        }
        return values;
    }

    /**
     * A process that ran out of heap may be left with dead server threads that neither answer nor
     * let it stop; exit at once instead, as {@code -XX:+ExitOnOutOfMemoryError} would.
     */
    static void exitOnOutOfMemory() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError) {
                try {
                    System.err.println("emulator: out of memory; exiting");
                } finally {
                    Runtime.getRuntime().halt(3);
                }
            }
            if (previous != null) {
                previous.uncaughtException(thread, e);
            } else {
                e.printStackTrace();
            }
        });
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
