/**
 * Where Enscope finds Alibaba Cloud credentials, in the order the aliyun CLI users expect:
 * the {@code ALIBABA_CLOUD_*} environment variables, the aliyun CLI profiles in
 * {@code ~/.aliyun/config.json}, then the SDK credentials file {@code ~/.alibabacloud/credentials}.
 *
 * <p>{@link io.enscope.ens.credentials.CredentialChain} lists the profiles for display (never a
 * secret) and resolves one of them; {@link io.enscope.ens.credentials.SessionCredentialsProvider}
 * turns a resolved profile into the key the client signs with, calling STS AssumeRole through
 * {@link io.enscope.ens.credentials.StsClient} for RamRoleArn profiles.
 *
 * <p>Every type that holds a secret keeps it in a {@link io.enscope.ens.credentials.Secret}, whose
 * {@code toString()} is redacted, and overrides {@code toString()} itself, so that a secret cannot
 * reach a log line or an exception text by accident.
 */
package io.enscope.ens.credentials;
