/**
 * The ENS gateway: {@link io.enscope.ens.EnsApi}, the typed operations Enscope calls, and
 * {@link io.enscope.ens.SdkEnsApi}, its implementation over aliyun-java-sdk-core
 * {@code CommonRequest} (product {@code Ens}, version {@code 2017-11-10}).
 *
 * <p>Failures are {@link io.enscope.ens.EnsException}s carrying a typed
 * {@link io.enscope.ens.EnsError} with an i18n message key. Reads are retried with jittered,
 * bounded backoff after throttling, server and network failures; writes are sent exactly once,
 * and a write whose outcome is unknown is flagged {@link io.enscope.ens.EnsError#ambiguous()} so
 * that the caller reconciles by reading instead of sending it again.
 *
 * <p>Nothing here logs or keeps a secret: the SDK's messages, which contain the signed URL, pass
 * through {@link io.enscope.ens.Redactor} before they are logged or stored.
 *
 * <p>This package depends on no other Enscope package and never on JavaFX.
 */
package io.enscope.ens;
