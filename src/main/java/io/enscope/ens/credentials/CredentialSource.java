package io.enscope.ens.credentials;

/** Where a credential profile was found, in the order they are consulted. */
public enum CredentialSource {
    /** The {@code ALIBABA_CLOUD_ACCESS_KEY_ID} / {@code _SECRET} / {@code _SECURITY_TOKEN} variables and their aliases. */
    ENVIRONMENT,
    /** A profile of the aliyun CLI configuration {@code ~/.aliyun/config.json}. */
    CLI_CONFIG,
    /** A section of the SDK credentials INI file {@code ~/.alibabacloud/credentials}. */
    CREDENTIALS_FILE
}
