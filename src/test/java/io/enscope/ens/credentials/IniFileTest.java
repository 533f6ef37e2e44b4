package io.enscope.ens.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class IniFileTest {

    @Test
    void readsSectionsKeysAndValuesTolerantly() {
        IniFile.Parsed parsed = IniFile.parse("""
                global = ignored
                # comment
                [ one ]   ; trailing comment
                Key_A = plain value
                key_b: "quoted # not a comment"
                key_c = 'single'
                key_d = value ; comment
                key_e = a#b
                empty =
                """);

        assertThat(parsed.firstMalformedLineOutside()).isEmpty();
        assertThat(parsed.sections()).singleElement().satisfies(section -> {
            assertThat(section.name()).isEqualTo("one");
            assertThat(section.line()).isEqualTo(3);
            assertThat(section.values()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "key_a", "plain value", "key_b", "quoted # not a comment", "key_c", "single",
                    "key_d", "value", "key_e", "a#b", "empty", ""));
            assertThat(section.value("empty")).isEmpty();
            assertThat(section.firstMalformedLine()).isEmpty();
        });
    }

    @Test
    void handlesWindowsLineEndingsAndRepeatedSections() {
        IniFile.Parsed parsed = IniFile.parse("[a]\r\nx = 1\r\n[b]\r\ny = 2\r\n[a]\r\nx = 3\r\nz = 4\r\n");

        assertThat(parsed.sections()).extracting(IniFile.Section::name).containsExactly("a", "b");
        assertThat(parsed.sections().get(0).values()).containsExactlyInAnyOrderEntriesOf(Map.of("x", "3", "z", "4"));
    }

    @Test
    void malformedLinesAreCountedWhereTheyAre() {
        IniFile.Parsed parsed = IniFile.parse("junk\n[ok]\na = 1\n[broken\nno separator\n[]\n");

        assertThat(parsed.firstMalformedLineOutside()).isEqualTo(OptionalInt.of(1));
        assertThat(parsed.sections()).singleElement().satisfies(section -> {
            assertThat(section.name()).isEqualTo("ok");
            assertThat(section.firstMalformedLine()).isEqualTo(OptionalInt.of(4));
        });
    }

    @Test
    void sectionToStringShowsKeysButNoValues() {
        IniFile.Section section = IniFile.parse("[s]\naccess_key_secret = SECRET-x\n").sections().get(0);

        assertThat(section.toString()).contains("access_key_secret").doesNotContain("SECRET-x");
    }
}
