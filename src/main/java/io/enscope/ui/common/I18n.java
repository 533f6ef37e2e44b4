package io.enscope.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/** The UI texts of one locale: bundle {@code i18n/messages} (English, Simplified Chinese). */
public final class I18n {
    public static final String BUNDLE = "i18n.messages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** A mnemonic appended to a Chinese label: {@code (_A)}, before an optional ellipsis. */
    private static final Pattern MNEMONIC_SUFFIX = Pattern.compile("\\(_\\w\\)");

    private final ResourceBundle bundle;
    private final Locale locale;

    public I18n(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** English or Simplified Chinese, from the OS locale. */
    public static Locale defaultLocale() {
        Locale os = Locale.getDefault();
        return os.getLanguage().equals("zh") ? CHINESE : Locale.ENGLISH;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code key} with MessageFormat arguments; the key itself if missing (never throws). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * The text of a menu or button label as a title or a sentence shows it: without its mnemonic,
     * whether marked inside the word ({@code _File}) or appended in Chinese ({@code 文件(_F)}), and
     * without the ellipsis that says a dialog follows.
     */
    public String plain(String key, Object... args) {
        return plainText(get(key, args));
    }

    /** @see #plain */
    public static String plainText(String label) {
        return MNEMONIC_SUFFIX.matcher(label).replaceAll("").replace("_", "").replace("\u2026", "").strip();
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
