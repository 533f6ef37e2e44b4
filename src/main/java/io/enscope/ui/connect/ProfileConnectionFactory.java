package io.enscope.ui.connect;

import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsClientConfig;
import io.enscope.ens.EnsCredentials;
import io.enscope.ens.EnsCredentialsProvider;
import io.enscope.ens.EnsError;
import io.enscope.ens.EnsException;
import io.enscope.ens.SdkEnsApi;
import io.enscope.ens.credentials.AccessKey;
import io.enscope.ens.credentials.CredentialChain;
import io.enscope.ens.credentials.CredentialsException;
import io.enscope.ens.credentials.ProfileRef;
import io.enscope.ens.credentials.Secret;
import io.enscope.ens.credentials.SessionCredentialsProvider;
import io.enscope.ens.credentials.StsClient;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The usual {@link ConnectionFactory}: a profile is resolved through the {@link CredentialChain} and
 * signs an {@link SdkEnsApi} (RamRoleArn profiles through STS, renewed before expiry); the sandbox
 * comes from the composition root, which owns the embedded emulator.
 */
public final class ProfileConnectionFactory implements ConnectionFactory {
    /** The ENS code whose message says the credentials could not be obtained. */
    static final String CREDENTIALS_UNAVAILABLE = "SDK.InvalidCredentials";

    private final CredentialChain chain;
    private final EnsClientConfig config;
    private final StsClient sts;
    private final Clock clock;
    private final Supplier<EnsApi> sandbox;

    /**
     * @param chain   where profiles are resolved
     * @param config  endpoint, timeouts and retries for profiles (the cloud)
     * @param sts     exchanges RamRoleArn keys
     * @param clock   decides when temporary credentials are renewed
     * @param sandbox a new API to the running sandbox emulator, per call
     */
    public ProfileConnectionFactory(CredentialChain chain, EnsClientConfig config, StsClient sts, Clock clock,
                                    Supplier<EnsApi> sandbox) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.config = Objects.requireNonNull(config, "config");
        this.sts = Objects.requireNonNull(sts, "sts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
    }

    @Override
    public EnsApi open(ConnectionChoice choice) throws CredentialsException {
        if (choice.isSandbox()) {
            return sandbox.get();
        }
        ProfileRef ref = choice.profile();
        SessionCredentialsProvider sessions = new SessionCredentialsProvider(chain.resolve(ref), sts, clock);
        // Asked once here so that a refused AssumeRole is reported as the profile's problem, with its
        // file and role, instead of surfacing later as an anonymous signing failure.
        sessions.get();
        return new SdkEnsApi(config, signingKey(sessions));
    }

    private static EnsCredentialsProvider signingKey(SessionCredentialsProvider sessions) {
        return () -> {
            try {
                AccessKey key = sessions.get().accessKey();
                return new EnsCredentials(key.id(), key.secret().reveal(),
                        key.securityToken().map(Secret::reveal).orElse(null));
            } catch (CredentialsException e) {
                // The message names file, profile and role only; the STS cause is dropped on purpose.
                throw new EnsException(EnsError.of(CREDENTIALS_UNAVAILABLE, e.getMessage(), null, 0));
            }
        };
    }
}
