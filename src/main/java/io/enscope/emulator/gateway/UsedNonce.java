package io.enscope.emulator.gateway;

/**
 * A signature nonce that was used, as the state file keeps it so that a captured request cannot be
 * replayed after a restart.
 *
 * @param accessKeyId  who used it
 * @param nonce        the {@code SignatureNonce} (v1) or {@code x-acs-signature-nonce} (v3)
 * @param usedAtMillis when it was first used
 */
public record UsedNonce(String accessKeyId, String nonce, long usedAtMillis) {
}
