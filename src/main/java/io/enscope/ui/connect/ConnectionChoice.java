package io.enscope.ui.connect;

import io.enscope.ens.credentials.CredentialSource;
import io.enscope.ens.credentials.ProfileRef;

import java.util.Optional;

/**
 * What the user chose to connect to: the sandbox (the embedded emulator) or one credential
 * profile. It names the profile only and never holds a secret, so it can be remembered in the
 * settings as text ({@link #toSetting()}, {@link #fromSetting(String)}).
 *
 * @param profile the chosen profile; null for the sandbox
 */
public record ConnectionChoice(ProfileRef profile) {

    /** The settings text of the sandbox choice (the same as {@code Settings.SANDBOX}). */
    public static final String SANDBOX_SETTING = "sandbox";

    /** The sandbox: the embedded ENS emulator with demo data. */
    public static final ConnectionChoice SANDBOX = new ConnectionChoice(null);

    /**
     * @param ref a credential profile
     * @return the choice of that profile
     */
    public static ConnectionChoice of(ProfileRef ref) {
        if (ref == null) {
            throw new IllegalArgumentException("a profile choice needs a profile; use SANDBOX for the sandbox");
        }
        return new ConnectionChoice(ref);
    }

    /** @return whether this is the sandbox */
    public boolean isSandbox() {
        return profile == null;
    }

    /** @return the chosen profile, empty for the sandbox */
    public Optional<ProfileRef> profileRef() {
        return Optional.ofNullable(profile);
    }

    /** @return {@code sandbox}, or the profile as {@link #toSetting(ProfileRef)} writes it */
    public String toSetting() {
        return isSandbox() ? SANDBOX_SETTING : toSetting(profile);
    }

    /**
     * Reads a remembered choice. Anything that is not a valid choice (missing, blank, from a newer
     * version, edited by hand) gives the sandbox: it is the safe default that needs no account.
     *
     * @param text the settings value, may be null
     * @return the choice
     */
    public static ConnectionChoice fromSetting(String text) {
        return parse(text).orElse(SANDBOX);
    }

    /**
     * @param text the settings value, may be null
     * @return the choice, empty when the text is not one
     */
    public static Optional<ConnectionChoice> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.trim().equalsIgnoreCase(SANDBOX_SETTING)) {
            return Optional.of(SANDBOX);
        }
        return parseProfileRef(text).map(ConnectionChoice::of);
    }

    /**
     * Writes a profile reference as {@code SOURCE:name}, e.g. {@code CLI_CONFIG:default}. The name is
     * kept as is (it may itself contain a colon: only the first one separates).
     *
     * @param ref the profile
     * @return the text
     */
    public static String toSetting(ProfileRef ref) {
        return ref.source().name() + ":" + ref.name();
    }

    /**
     * The inverse of {@link #toSetting(ProfileRef)}.
     *
     * @param text e.g. {@code CLI_CONFIG:default}
     * @return the reference, empty when the source is unknown or the name is missing
     */
    public static Optional<ProfileRef> parseProfileRef(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        String source = text.substring(0, colon).trim();
        for (CredentialSource candidate : CredentialSource.values()) {
            if (candidate.name().equals(source)) {
                return Optional.of(new ProfileRef(candidate, text.substring(colon + 1)));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "ConnectionChoice[" + toSetting() + "]";
    }
}
