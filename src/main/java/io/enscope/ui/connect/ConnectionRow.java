package io.enscope.ui.connect;

import java.util.Objects;

/**
 * One line of the Connect dialog: the sandbox or one credential profile, already in words. It
 * holds what may be shown and nothing else: never a secret, only a masked AccessKeyId.
 *
 * @param choice            what connecting through this line chooses
 * @param title             the main text: "Sandbox (embedded emulator)", a profile name, …
 * @param summary           one line of details: source, mode, masked AccessKeyId, region
 * @param source            where the profile was found, in words; empty for the sandbox
 * @param mode              {@code AK}, {@code StsToken}, {@code RamRoleArn} or an unsupported mode as written
 * @param maskedAccessKeyId the masked AccessKeyId, empty when none
 * @param regionId          the profile's default region, empty when none
 * @param location          the file the profile lives in, empty for the sandbox and the environment
 * @param current           whether the aliyun CLI would use this profile by default
 * @param problem           why this line cannot be used, in the user's language; empty when it can
 */
public record ConnectionRow(ConnectionChoice choice, String title, String summary, String source, String mode,
                            String maskedAccessKeyId, String regionId, String location, boolean current,
                            String problem) {

    /** Checks the components. */
    public ConnectionRow {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(maskedAccessKeyId, "maskedAccessKeyId");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(problem, "problem");
    }

    /** @return whether one can test or connect through this line */
    public boolean usable() {
        return problem.isEmpty();
    }

    /** @return whether this is the sandbox line */
    public boolean isSandbox() {
        return choice.isSandbox();
    }
}
