package io.enscope;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the data goes: the same home as the credential profiles, whatever Java's user.home says. */
class AppDirectoriesTest {

    @Test
    void onLinuxTheDataFollowsHomeLikeTheProfilesDo() {
        assertThat(AppDirectories.dataDirectory(null, Map.of("HOME", "/some/dir"), "Linux", "/home/real"))
                .isEqualTo(Path.of("/some/dir/.local/share/enscope"));
    }

    @Test
    void withoutHomeItFallsBackToUserHome() {
        assertThat(AppDirectories.dataDirectory(null, Map.of(), "Linux", "/home/real"))
                .isEqualTo(Path.of("/home/real/.local/share/enscope"));
    }

    @Test
    void anAbsoluteXdgDataHomeWinsAndARelativeOneIsIgnored() {
        assertThat(AppDirectories.dataDirectory(null, Map.of("HOME", "/some/dir", "XDG_DATA_HOME", "/xdg"), "Linux",
                "/home/real")).isEqualTo(Path.of("/xdg/enscope"));
        assertThat(AppDirectories.dataDirectory(null, Map.of("HOME", "/some/dir", "XDG_DATA_HOME", "rel"), "Linux",
                "/home/real")).isEqualTo(Path.of("/some/dir/.local/share/enscope"));
    }

    @Test
    void macOsUsesTheProfilesHome() {
        assertThat(AppDirectories.dataDirectory(null, Map.of("HOME", "/Users/other"), "Mac OS X", "/Users/real"))
                .isEqualTo(Path.of("/Users/other/Library/Application Support/Enscope"));
    }

    @Test
    void windowsPrefersAppDataThenTheProfilesHome() {
        assertThat(AppDirectories.dataDirectory(null, Map.of("APPDATA", "/appdata", "USERPROFILE", "/users/other"),
                "Windows 11", "/users/real")).isEqualTo(Path.of("/appdata/Enscope"));
        assertThat(AppDirectories.dataDirectory(null, Map.of("USERPROFILE", "/users/other"), "Windows 11",
                "/users/real")).isEqualTo(Path.of("/users/other/AppData/Roaming/Enscope"));
    }

    @Test
    void thePropertyOverridesEverything() {
        assertThat(AppDirectories.dataDirectory("/portable", Map.of("HOME", "/some/dir", "XDG_DATA_HOME", "/xdg"),
                "Linux", "/home/real")).isEqualTo(Path.of("/portable"));
    }

    @Test
    void theLogsAreUnderTheDataDirectory() {
        assertThat(AppDirectories.logDirectory()).isEqualTo(AppDirectories.dataDirectory().resolve("logs"));
    }
}
