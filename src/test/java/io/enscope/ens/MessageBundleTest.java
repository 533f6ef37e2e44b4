package io.enscope.ens;

import static org.assertj.core.api.Assertions.assertThat;

import io.enscope.ens.EnsError.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every message key {@link EnsError} can produce exists, in English and in Simplified Chinese. */
class MessageBundleTest {

    private static final List<Locale> LOCALES = List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE);

    private static List<String> allKeys() {
        List<String> keys = new ArrayList<>();
        for (String code : ErrorCatalog.knownCodes()) {
            keys.add(EnsError.of(code, null, null, 400).messageKey());
        }
        keys.add(ErrorCatalog.KEY_INVALID_PARAM);
        keys.add(ErrorCatalog.KEY_MISSING_PARAM);
        keys.add(ErrorCatalog.KEY_INVALID_PARAMETER_PARAM);
        for (Kind kind : Kind.values()) {
            keys.add(ErrorCatalog.KEY_KIND_PREFIX + kind.name());
        }
        keys.add(EnsError.KEY_PREFIX + "ambiguousOutcome");
        return keys;
    }

    @Test
    void everyKeyIsInBothBundlesAndFormats() {
        for (Locale locale : LOCALES) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n/messages", locale);
            for (String key : allKeys()) {
                assertThat(bundle.containsKey(key)).as(key + " in " + locale).isTrue();
                String formatted = new MessageFormat(bundle.getString(key), locale).format(new Object[] {"HaVipId"});
                assertThat(formatted).as(key).isNotBlank().doesNotContain("{0}");
            }
        }
    }

    @Test
    void bothBundlesHaveTheSameEnsKeysAndTheChineseOneIsTranslated() throws IOException {
        Properties english = load("/i18n/messages.properties");
        Properties chinese = load("/i18n/messages_zh_CN.properties");

        Set<String> englishKeys = ensKeys(english);
        assertThat(ensKeys(chinese)).isEqualTo(englishKeys);
        assertThat(englishKeys).containsAll(allKeys());
        for (String key : englishKeys) {
            assertThat(chinese.getProperty(key)).as(key).isNotEqualTo(english.getProperty(key));
        }
    }

    @Test
    void placeholderKeysTakeTheParameterName() {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n/messages", Locale.ROOT);
        EnsError error = EnsError.of("InvalidParameter.HaVipId", null, null, 400);

        assertThat(error.localizedMessage(bundle)).contains("HaVipId");
        assertThat(EnsError.of("HaVipNotFound", null, null, 400)
                .localizedMessage(ResourceBundle.getBundle("i18n/messages", Locale.SIMPLIFIED_CHINESE)))
                .contains("HaVip 不存在");
    }

    private static Set<String> ensKeys(Properties properties) {
        return properties.stringPropertyNames().stream().filter(k -> k.startsWith(EnsError.KEY_PREFIX))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
