package io.enscope.ui.common;

import io.enscope.ens.EnsClientConfig;

import java.util.Objects;
import java.util.Optional;

/**
 * Which cloud a connection touches: the profile, the endpoint and whether the traffic is plain
 * HTTP. The main window shows it, and the aliyun CLI commands the console offers carry it, so a
 * pasted command reaches the same place as the console and never the user's default account by
 * surprise.
 *
 * @param sandbox   whether this is the embedded emulator
 * @param profile   the credential profile's name; empty for the sandbox and the environment variables
 * @param endpoint  host or host:port
 * @param plainHttp whether requests go over plain HTTP
 */
public record ConnectionTarget(boolean sandbox, Optional<String> profile, String endpoint, boolean plainHttp) {

    /** Checks the values. */
    public ConnectionTarget {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /**
     * @param endpoint the emulator's host:port on loopback
     * @return the sandbox, plain HTTP
     */
    public static ConnectionTarget sandbox(String endpoint) {
        return new ConnectionTarget(true, Optional.empty(), endpoint, true);
    }

    /**
     * @param profile the profile's name as the aliyun CLI knows it; empty when the keys come from
     *                the environment variables, which the CLI reads itself
     * @param config  where the console sends the profile's requests
     * @return a connection to the cloud (or to whatever endpoint the config names)
     */
    public static ConnectionTarget profile(Optional<String> profile, EnsClientConfig config) {
        return new ConnectionTarget(false, profile, config.endpoint(),
                config.protocol() == EnsClientConfig.Protocol.HTTP);
    }

    /** @return whether the endpoint is the public ENS one over HTTPS */
    public boolean defaultEndpoint() {
        return !sandbox && !plainHttp && endpoint.equalsIgnoreCase(EnsClientConfig.DEFAULT_ENDPOINT);
    }
}
