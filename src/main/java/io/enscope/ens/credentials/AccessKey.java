package io.enscope.ens.credentials;

import java.util.Objects;
import java.util.Optional;

/**
 * What a request is signed with: an AccessKeyId, its secret and, for temporary credentials, the
 * security token. {@link #toString()} shows only the masked AccessKeyId.
 *
 * @param id            the AccessKeyId
 * @param secret        the AccessKeySecret
 * @param securityToken the STS security token of temporary credentials
 */
public record AccessKey(String id, Secret secret, Optional<Secret> securityToken) {

    private static final int MASK_KEEP = 4;

    /** Checks the components. */
    public AccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(securityToken, "securityToken");
    }

    /**
     * @param id     the AccessKeyId
     * @param secret the AccessKeySecret
     * @return a long-term key without security token
     */
    public static AccessKey of(String id, String secret) {
        return new AccessKey(id, Secret.of(secret), Optional.empty());
    }

    /** @return the AccessKeyId masked for display, see {@link #mask(String)} */
    public String maskedId() {
        return mask(id);
    }

    /**
     * Masks an AccessKeyId for display and logs: the first and last four characters of a real-sized
     * id stay visible ({@code LTAI****abcd}) so that a user can tell keys apart; a short id is hidden
     * completely because showing eight of its characters would show most of it.
     *
     * @param accessKeyId the id, may be empty
     * @return the masked id, empty for an empty id
     */
    public static String mask(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.isEmpty()) {
            return "";
        }
        if (accessKeyId.length() < 3 * MASK_KEEP) {
            return "****";
        }
        return accessKeyId.substring(0, MASK_KEEP) + "****" + accessKeyId.substring(accessKeyId.length() - MASK_KEEP);
    }

    @Override
    public String toString() {
        return "AccessKey[id=" + maskedId() + ", secret=" + secret + ", securityToken="
                + securityToken.map(Secret::toString).orElse("none") + "]";
    }
}
