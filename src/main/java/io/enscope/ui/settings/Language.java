package io.enscope.ui.settings;

import java.util.Locale;
import java.util.Optional;

/** The languages of the console, with the code the settings store ({@code en}, {@code zh_CN}). */
public enum Language {
    /** English, the fallback for every locale that is not Chinese. */
    ENGLISH("en", Locale.ENGLISH),
    /** Simplified Chinese. */
    SIMPLIFIED_CHINESE("zh_CN", Locale.SIMPLIFIED_CHINESE);

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** @return the code kept in {@link Settings#language()} */
    public String code() {
        return code;
    }

    /** @return the locale to load the texts with */
    public Locale locale() {
        return locale;
    }

    /**
     * @param code a settings value such as {@code zh_CN} (also {@code zh-CN} or {@code zh}), may be null
     * @return the language, empty when the code names none
     */
    public static Optional<Language> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String normalized = code.trim().replace('-', '_');
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(normalized)) {
                return Optional.of(language);
            }
        }
        return normalized.toLowerCase(Locale.ROOT).startsWith("zh") ? Optional.of(SIMPLIFIED_CHINESE)
                : Optional.empty();
    }

    /**
     * @param locale any locale, e.g. the OS's
     * @return Simplified Chinese for Chinese locales, English for all others
     */
    public static Language of(Locale locale) {
        return locale != null && locale.getLanguage().equals("zh") ? SIMPLIFIED_CHINESE : ENGLISH;
    }

    /**
     * The language a settings value means: the stored one, else the OS's.
     *
     * @param code     the settings value, null when the user never chose
     * @param osLocale the OS locale
     * @return the language to show
     */
    public static Language resolve(String code, Locale osLocale) {
        return fromCode(code).orElseGet(() -> of(osLocale));
    }
}
