package io.enscope.ui.connect;

import io.enscope.ens.EnsApi;
import io.enscope.ens.credentials.CredentialsException;

/**
 * Opens an ENS API for a connection choice; supplied by the composition root, which alone knows
 * the sandbox's endpoint and key. Always called off the FX thread: resolving a RamRoleArn profile
 * calls STS.
 */
@FunctionalInterface
public interface ConnectionFactory {

    /**
     * @param choice the sandbox or a profile
     * @return a new API owned by the caller, which closes it when it is {@link AutoCloseable}
     * @throws CredentialsException when the profile cannot be resolved or its role not assumed
     */
    EnsApi open(ConnectionChoice choice) throws CredentialsException;
}
