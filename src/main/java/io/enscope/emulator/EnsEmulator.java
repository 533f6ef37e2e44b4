package io.enscope.emulator;

import io.enscope.emulator.fault.FaultPlan;
import io.enscope.emulator.gateway.FlowControl;
import io.enscope.emulator.gateway.Gateway;
import io.enscope.emulator.gateway.JettyTransport;
import io.enscope.emulator.gateway.RequestCounter;
import io.enscope.emulator.ops.EmulatorState;
import io.enscope.emulator.ops.EnsOperations;
import io.enscope.emulator.scenario.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The embedded ENS API emulator: an HTTP server on loopback that answers the ENS 2017-11-10
 * operations the console needs, with real signature checks, accounts, asynchronous state
 * transitions, a fault plan and scenarios. Start one with {@link #builder()}; close it to stop.
 *
 * <p>It speaks JSON over HTTP only and imports nothing of the application, so that it stands in
 * for the cloud honestly.
 */
public final class EnsEmulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnsEmulator.class);

    private final Builder config;
    private final Scenario initialScenario;
    private final EmulatorState state;
    private final FaultPlan faults;
    private final Map<String, Account> accounts;
    private final JettyTransport transport;
    private final InetAddress address;
    private final StateStore store;
    private final RequestCounter requests = new RequestCounter();
    private final FlowControl flowControl;

    private EnsEmulator(Builder b) throws Exception {
        this.config = b;
        this.initialScenario = b.scenario;
        this.accounts = new LinkedHashMap<>();
        for (Account a : b.accounts) {
            accounts.put(a.accessKeyId(), a);
        }
        // Every option is checked before the state file is read or written.
        this.address = InetAddress.getByName(b.bindAddress);
        if (!address.isLoopbackAddress() && !b.allowRemote) {
            throw new IllegalArgumentException("refusing to listen on " + b.bindAddress
                    + ": the emulator listens on loopback only unless --allow-remote is given");
        }
        StateStore.Recovered recovered = b.stateFile == null ? null : StateStore.recover(b.stateFile);
        boolean restored = recovered != null && recovered.exists();
        Scenario start = restored ? recovered.scenario() : b.scenario;
        try {
            // A restored state draws other ids than the run before: an id deleted then must not come back.
            long seed = restored ? b.seed ^ (recovered.lastSeq() + 1) * 0x9E3779B97F4A7C15L : b.seed;
            this.state = new EmulatorState(start, restored ? recovered.dueTimes() : Map.of(), b.timings, b.limits,
                    b.clock, seed);
        } catch (IllegalArgumentException e) {
            if (restored) {
                throw new IllegalArgumentException("state file " + b.stateFile.toAbsolutePath() + ": "
                        + e.getMessage() + "; the file was left as it is", e);
            }
            throw e;
        }
        state.setHaVipStatuses(b.haVipStatuses);
        if (restored) {
            LOG.info("emulator state restored from {}", b.stateFile);
        }
        state.setEipOnHaVip(b.eipOnHaVip);
        this.faults = new FaultPlan(b.seed ^ 0x5DEECE66DL);
        b.faultRules.forEach(faults::add);
        this.flowControl = new FlowControl(b.rateLimits, b.clock);
        Gateway gateway = new Gateway(new EnsOperations(state), accounts::get, faults, b.clock, b.maxBodyBytes,
                requests, flowControl);
        if (recovered != null) {
            gateway.restoreNonces(recovered.nonces());
            this.store = StateStore.open(b.stateFile, recovered, state, gateway::usedNonces);
            state.setChangeLog(store);
            gateway.setNonceLog(store);
            state.logLoadChanges();
        } else {
            this.store = null;
        }
        ControlHandler control = new ControlHandler(this, b.controlToken);
        try {
            this.transport = new JettyTransport(address.getHostAddress(), b.port, b.threads,
                    new JettyTransport.Bounds(b.maxConnections, b.requestTimeout, b.maxBodyBytes), call -> {
                if (call.rawPath() != null && call.rawPath().startsWith(ControlHandler.PREFIX)) {
                    control.handle(call);
                } else {
                    gateway.handle(call);
                }
            });
        } catch (Exception e) {
            if (store != null) {
                store.close();
            }
            throw e;
        }
        LOG.info("ENS emulator listening on {}", url());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return transport.port();
    }

    /** {@code host:port}, as the SDK's {@code setSysDomain} and the aliyun CLI's {@code --endpoint} take it. */
    public String endpoint() {
        String host = address.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return host + ":" + port();
    }

    /** {@code http://host:port}. */
    public String url() {
        return "http://" + endpoint();
    }

    public EmulatorState state() {
        return state;
    }

    /** The live fault plan; rules may be added or cleared at any time. */
    public FaultPlan faults() {
        return faults;
    }

    /** What reached the gateway so far: answers by outcome, injected faults, binding writes per pair. */
    public RequestCounter requests() {
        return requests;
    }

    public List<Account> accounts() {
        return new ArrayList<>(accounts.values());
    }

    /** The first admin (read-write) account. */
    public Account adminAccount() {
        return accounts.values().stream().filter(a -> !a.readOnly()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no admin account"));
    }

    /** The first read-only account, if any. */
    public Account readOnlyAccount() {
        return accounts.values().stream().filter(Account::readOnly).findFirst()
                .orElseThrow(() -> new IllegalStateException("no read-only account"));
    }

    /** Puts the emulator back to the scenario it started with, and clears the fault plan. */
    public void reset() {
        faults.clear();
        state.reset(initialScenario);
    }

    public void setTimings(Timings timings) {
        state.setTimings(timings);
    }

    public void setLimits(Limits limits) {
        state.setLimits(limits);
    }

    /** The flow control in force now. */
    public RateLimits rateLimits() {
        return flowControl.limits();
    }

    /** Replaces the flow control at run time; every bucket starts over full. */
    public void setRateLimits(RateLimits limits) {
        flowControl.setLimits(limits);
    }

    /** The options this emulator was started with. */
    public Builder options() {
        return config;
    }

    @Override
    public void close() {
        transport.close();
        if (store != null) {
            store.close();
        }
        LOG.info("ENS emulator stopped");
    }

    /** Options of an emulator; {@link #start()} builds and starts it. */
    public static final class Builder {
        private Scenario scenario = new Scenario(null, null, null, null, null, null);
        private final List<Account> accounts = new ArrayList<>();
        private final List<io.enscope.emulator.fault.FaultRule> faultRules = new ArrayList<>();
        private Timings timings = Timings.realistic();
        private Limits limits = Limits.DEFAULT;
        private HaVipStatuses haVipStatuses = HaVipStatuses.TRANSITIONAL;
        /* Off by default: tests drive the emulator far above the cloud's rates on purpose; the
           standalone command and the sandbox turn the documented limits on. */
        private RateLimits rateLimits = RateLimits.OFF;
        private Clock clock = Clock.systemUTC();
        private long seed = 20171110L;
        private String bindAddress = "127.0.0.1";
        private boolean allowRemote;
        private int port;
        private Path stateFile;
        private String controlToken;
        private int maxBodyBytes = 1024 * 1024;
        private int threads = 32;
        private int maxConnections = JettyTransport.Bounds.DEFAULT_MAX_CONNECTIONS;
        private Duration requestTimeout = JettyTransport.Bounds.DEFAULT_REQUEST_TIMEOUT;
        private boolean eipOnHaVip;

        private Builder() {
        }

        /**
         * Lets AssociateEnsEipAddress accept {@code InstanceType=HaVip}. Off by default: ENS documents
         * no such value (ens-api-ha.md §4), so the emulator answers {@code InvalidParameter.InstanceType}.
         */
        public Builder eipOnHaVip(boolean allowed) {
            this.eipOnHaVip = allowed;
            return this;
        }

        public boolean eipOnHaVip() {
            return eipOnHaVip;
        }

        public Builder scenario(Scenario s) {
            this.scenario = Objects.requireNonNull(s);
            return this;
        }

        public Builder account(Account a) {
            accounts.add(Objects.requireNonNull(a));
            return this;
        }

        public Builder timings(Timings t) {
            this.timings = Objects.requireNonNull(t);
            return this;
        }

        public Builder limits(Limits l) {
            this.limits = Objects.requireNonNull(l);
            return this;
        }

        /** The HaVip-level statuses during binding changes ({@link HaVipStatuses#TRANSITIONAL} unless set). */
        public Builder haVipStatuses(HaVipStatuses s) {
            this.haVipStatuses = Objects.requireNonNull(s);
            return this;
        }

        public HaVipStatuses haVipStatuses() {
            return haVipStatuses;
        }

        /** The flow control ({@link RateLimits#OFF} unless set). */
        public Builder rateLimits(RateLimits r) {
            this.rateLimits = Objects.requireNonNull(r);
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        public Builder allowRemote(boolean allow) {
            this.allowRemote = allow;
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int p) {
            this.port = p;
            return this;
        }

        /** Keep state in this file (each write on disk before it is answered) and restore from it on start. */
        public Builder stateFile(Path file) {
            this.stateFile = file;
            return this;
        }

        /** Enables the {@code /_emulator/} control endpoints, guarded by this token. */
        public Builder controlToken(String token) {
            this.controlToken = token;
            return this;
        }

        public Builder fault(io.enscope.emulator.fault.FaultRule rule) {
            faultRules.add(Objects.requireNonNull(rule));
            return this;
        }

        public Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        /** Connections open at once; past it new ones wait in the backlog. */
        public Builder maxConnections(int n) {
            this.maxConnections = n;
            return this;
        }

        /** The time a client has to send a whole request, body included, once its headers are in. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Scenario scenario() {
            return scenario;
        }

        public Timings timings() {
            return timings;
        }

        public Limits limits() {
            return limits;
        }

        public RateLimits rateLimits() {
            return rateLimits;
        }

        public String controlToken() {
            return controlToken;
        }

        /**
         * Starts the emulator; without any account an admin key pair is generated.
         *
         * @throws IllegalArgumentException for a non-loopback address without allowRemote, or a bad scenario
         * @throws UncheckedIOException     if the port cannot be bound
         */
        public EnsEmulator start() {
            if (accounts.stream().noneMatch(a -> !a.readOnly())) {
                accounts.add(0, Account.generate(false));
            }
            try {
                return new EnsEmulator(this);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown bind address " + bindAddress, e);
            } catch (IOException e) {
                throw new UncheckedIOException("could not listen on " + bindAddress + ":" + port + ": "
                        + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("could not start the emulator on " + bindAddress + ":" + port
                        + ": " + e.getMessage(), e);
            }
        }
    }
}
