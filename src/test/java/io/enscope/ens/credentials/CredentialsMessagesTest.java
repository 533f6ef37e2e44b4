package io.enscope.ens.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Format;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

/** Every credentials problem can be shown in English and Simplified Chinese with the same arguments. */
class CredentialsMessagesTest {

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("i18n.messages", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Test
    void englishBundleMatchesTheBuiltInPatterns() {
        ResourceBundle english = bundle(Locale.ROOT);
        for (CredentialsError error : CredentialsError.values()) {
            assertThat(english.containsKey(error.key())).as(error.key()).isTrue();
            assertThat(english.getString(error.key())).as(error.key()).isEqualTo(error.englishPattern());
        }
    }

    @Test
    void chineseBundleHasEveryKeyWithTheSameArguments() {
        ResourceBundle chinese = bundle(Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese.getLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        for (CredentialsError error : CredentialsError.values()) {
            String pattern = chinese.getString(error.key());
            assertThat(pattern).as(error.key()).isNotEqualTo(error.englishPattern()).matches("(?s).*\\p{IsHan}.*");
            assertThat(argumentCount(pattern)).as(error.key()).isEqualTo(argumentCount(error.englishPattern()));
        }
    }

    @Test
    void problemsFormatInChineseWithoutLosingArguments() {
        CredentialsProblem problem = CredentialsProblem.of(CredentialsError.UNSUPPORTED_MODE,
                "/home/li/.aliyun/config.json", "sso", "CloudSSO", CliConfigSource.SUPPORTED_MODES);

        String text = new MessageFormat(bundle(Locale.SIMPLIFIED_CHINESE).getString(problem.key()),
                Locale.SIMPLIFIED_CHINESE).format(problem.argumentArray());

        assertThat(text).contains("/home/li/.aliyun/config.json", "“sso”", "CloudSSO", "AK, StsToken, RamRoleArn")
                .doesNotContain("{");
    }

    private static int argumentCount(String pattern) {
        Format[] formats = new MessageFormat(pattern, Locale.ROOT).getFormatsByArgumentIndex();
        return formats.length;
    }
}
