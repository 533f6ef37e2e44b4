package io.enscope.ens.credentials;

/**
 * Calls STS AssumeRole. The production implementation is {@link SdkStsClient}; tests use a fake.
 */
@FunctionalInterface
public interface StsClient {

    /**
     * Exchanges the caller's key for temporary credentials of the role.
     *
     * @param caller the key of the RamRoleArn profile (with its token, if it has one)
     * @param role   the role and session parameters
     * @return the temporary credentials
     * @throws StsException when STS refuses or cannot be reached
     */
    TemporaryCredentials assumeRole(AccessKey caller, RoleAssumption role) throws StsException;
}
