package io.enscope.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Both bundles have the same keys, every pattern formats, and every key the code uses exists. */
class MessageBundlesTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> zh = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        assertThat(zh).as("keys missing in Chinese").containsAll(en);
        assertThat(en).as("keys missing in English").containsAll(zh);
    }

    @Test
    void chineseTextsAreTranslated() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        long withChinese = zh.stringPropertyNames().stream()
                .filter(k -> zh.getProperty(k).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN)).count();
        assertThat(withChinese).as("Chinese texts").isGreaterThan(zh.size() * 8L / 10);
    }

    @Test
    void everyPatternFormatsWithoutLosingApostrophes() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                if (!pattern.contains("{")) {
                    continue;
                }
                String formatted = new MessageFormat(pattern, Locale.ROOT).format(new Object[] {1, 2, 3, 4, 5, 6});
                assertThat(formatted).as(file + " " + key + " lost text to an unescaped quote")
                        .doesNotContain("{0}").doesNotContain("{1}");
                if (pattern.contains("''")) {
                    assertThat(formatted).contains("'");
                } else if (pattern.contains("'")) {
                    throw new AssertionError(file + " " + key + ": a single quote in a MessageFormat pattern must be doubled");
                }
            }
        }
    }

    @Test
    void everyKeyUsedInFxmlExists() throws IOException {
        Properties en = load("messages.properties");
        Pattern key = Pattern.compile("\"%([A-Za-z0-9_.-]+)\"");
        Path resources = Paths.get("src/main/resources");
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path fxml : files.filter(f -> f.toString().endsWith(".fxml")).toList()) {
                Matcher m = key.matcher(Files.readString(fxml));
                while (m.find()) {
                    assertThat(en.containsKey(m.group(1))).as(fxml + " uses %" + m.group(1)).isTrue();
                }
            }
        }
    }

    @Test
    void everyLiteralKeyUsedInUiCodeExists() throws IOException {
        Properties en = load("messages.properties");
        Pattern call = Pattern.compile("i18n(?:\\(\\))?\\.get\\(\"([A-Za-z0-9_.-]+)\"\\s*[,)]");
        Path sources = Paths.get("src/main/java/io/enscope");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path java : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(java));
                while (m.find()) {
                    assertThat(en.containsKey(m.group(1))).as(java + " uses " + m.group(1)).isTrue();
                }
            }
        }
    }
}
