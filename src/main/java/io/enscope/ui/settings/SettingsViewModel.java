package io.enscope.ui.settings;

import io.enscope.ens.EnsOperation;
import io.enscope.ens.PacingSettings;
import io.enscope.ens.ProxySettings;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.TaskRunner;
import io.enscope.ui.common.Theme;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The Settings dialog: language, theme, polling, job timeout, the two advisory limits,
 * inventory parallelism, the periodic refresh and the proxy (system, none, or manual with host,
 * port, optional user and password, and exclusions) and the API rate limits of an account whose
 * quota was raised (calls per second of the operations that matter). Numbers are validated as typed, with the error
 * inline; {@link #save()} writes through the {@link SettingsStore} off the FX thread and then
 * publishes the new settings in {@link #savedProperty()}, for the caller to apply.
 *
 * <p>What takes effect when is the caller's business, and the dialog tells the user: the theme
 * and the language at once (the caller applies them; {@link #languageChangesProperty()} shows the
 * note that says so), the numbers for jobs and loads started afterwards.
 * The remembered connection and regions pass through unchanged. All methods run on the UI thread.
 */
public final class SettingsViewModel {
    /** Range of the first wait before polling a binding, in milliseconds. */
    public static final int POLL_INITIAL_MIN = 100;
    public static final int POLL_INITIAL_MAX = 10_000;
    /** Upper bound of the longest wait between polls; its lower bound is the first wait. */
    public static final int POLL_MAX_MAX = 60_000;
    public static final int JOB_TIMEOUT_MIN = 10;
    public static final int JOB_TIMEOUT_MAX = 3_600;
    public static final int LIMIT_MIN = 1;
    public static final int LIMIT_MAX = 1_000;
    public static final int PARALLELISM_MIN = 1;
    public static final int PARALLELISM_MAX = 32;
    /** Range of the periodic refresh in seconds; 0 turns it off. */
    public static final int REFRESH_MIN = 0;
    public static final int REFRESH_MAX = 3_600;
    public static final int PORT_MIN = 1;
    public static final int PORT_MAX = 65_535;
    /** The operations whose rate limit the dialog offers: the inventory's listings, polls and binds. */
    public static final List<EnsOperation> RATE_LIMITED = List.of(EnsOperation.DESCRIBE_INSTANCES,
            EnsOperation.DESCRIBE_NETWORK_INTERFACES, EnsOperation.DESCRIBE_HAVIPS, EnsOperation.DESCRIBE_VSWITCHES,
            EnsOperation.DESCRIBE_NETWORKS, EnsOperation.ASSOCIATE_HAVIP, EnsOperation.UNASSOCIATE_HAVIP);
    /** A host name, an IPv4 address or a bracketed IPv6 address; no scheme, path or port. */
    private static final Pattern PROXY_HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");
    /** An exclusion: a host or domain with optional leading {@code *.} or {@code .}, optional port or /bits. */
    private static final Pattern EXCLUSION = Pattern.compile("\\*|(\\*\\.|\\.)?[A-Za-z0-9.-]+(:\\d{1,5}|/\\d{1,2})?"
            + "|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");

    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    private final Settings original;
    private final SettingsStore store;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Language systemLanguage;
    private final Language runningLanguage;
    private final Consumer<? super Throwable> onUnexpected;

    private final ObservableList<Language> languages =
            FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(Language.values()));
    private final ObservableList<Theme> themes =
            FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(Theme.values()));
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, "language");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final NumberField pollInitialMillis;
    private final NumberField pollMaxMillis;
    private final NumberField jobTimeoutSeconds;
    private final NumberField maxTargetsPerHaVip;
    private final NumberField maxHaVipsPerTarget;
    private final NumberField parallelism;
    private final NumberField refreshSeconds;
    private final List<NumberField> numbers;
    private final List<RateLimitRow> rateLimits;
    private final ObservableList<ProxySettings.Mode> proxyModes =
            FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(ProxySettings.Mode.values()));
    private final ObjectProperty<ProxySettings.Mode> proxyMode = new SimpleObjectProperty<>(this, "proxyMode");
    private final StringProperty proxyHost = new SimpleStringProperty(this, "proxyHost", "");
    private final NumberField proxyPort;
    private final StringProperty proxyUser = new SimpleStringProperty(this, "proxyUser", "");
    private final StringProperty proxyPassword = new SimpleStringProperty(this, "proxyPassword", "");
    private final StringProperty proxyExclusions = new SimpleStringProperty(this, "proxyExclusions", "");
    private final ReadOnlyStringWrapper proxyHostError = new ReadOnlyStringWrapper(this, "proxyHostError", "");
    private final ReadOnlyStringWrapper proxyExclusionsError =
            new ReadOnlyStringWrapper(this, "proxyExclusionsError", "");
    private final BooleanBinding manualProxy;
    private final ReadOnlyBooleanWrapper languageChanges = new ReadOnlyBooleanWrapper(this, "languageChanges");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError", "");
    private final ReadOnlyObjectWrapper<Settings> saved = new ReadOnlyObjectWrapper<>(this, "saved");
    private final BooleanBinding canSave;
    // True while the language is "whatever the OS says" (never chosen, or defaults restored).
    private boolean followsOs;

    /**
     * @param current      the settings in effect (from {@link SettingsStore#load()})
     * @param store        where {@link #save()} writes
     * @param runner       runs the write in the background
     * @param i18n         the texts of the running UI; its locale is the language now shown
     * @param onUnexpected receives failures that are bugs rather than I/O problems (the error dialog)
     */
    public SettingsViewModel(Settings current, SettingsStore store, TaskRunner runner, I18n i18n,
                             Consumer<? super Throwable> onUnexpected) {
        this(current, store, runner, i18n, onUnexpected, Language.of(I18n.defaultLocale()));
    }

    /**
     * @param systemLanguage the OS's language, preselected when the user never chose one
     */
    SettingsViewModel(Settings current, SettingsStore store, TaskRunner runner, I18n i18n,
                      Consumer<? super Throwable> onUnexpected, Language systemLanguage) {
        this.original = Objects.requireNonNull(current, "current");
        this.store = Objects.requireNonNull(store, "store");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.onUnexpected = Objects.requireNonNull(onUnexpected, "onUnexpected");
        this.systemLanguage = Objects.requireNonNull(systemLanguage, "systemLanguage");
        this.runningLanguage = Language.of(i18n.locale());

        followsOs = Language.fromCode(current.language()).isEmpty();
        language.set(Language.fromCode(current.language()).orElse(systemLanguage));
        theme.set(Theme.parse(current.theme()));
        pollInitialMillis = new NumberField(current.pollInitialMillis());
        pollMaxMillis = new NumberField(current.pollMaxMillis());
        jobTimeoutSeconds = new NumberField(current.jobTimeoutSeconds());
        maxTargetsPerHaVip = new NumberField(current.maxTargetsPerHaVip());
        maxHaVipsPerTarget = new NumberField(current.maxHaVipsPerTarget());
        parallelism = new NumberField(current.parallelism());
        refreshSeconds = new NumberField(current.refreshSeconds());
        numbers = List.of(pollInitialMillis, pollMaxMillis, jobTimeoutSeconds, maxTargetsPerHaVip,
                maxHaVipsPerTarget, parallelism, refreshSeconds);
        rateLimits = rateLimitRows(current.rateLimits());
        ProxySettings proxy = current.proxy();
        proxyMode.set(proxy.mode());
        proxyPort = new NumberField(proxy.port());
        showProxy(proxy);
        manualProxy = proxyMode.isEqualTo(ProxySettings.Mode.MANUAL);

        // One pass over all fields on every edit: the longest poll wait depends on the first one.
        ChangeListener<String> revalidate = (obs, old, text) -> validate();
        numbers.forEach(field -> field.textProperty().addListener(revalidate));
        rateLimits.forEach(row -> row.field().textProperty().addListener(revalidate));
        proxyPort.textProperty().addListener(revalidate);
        proxyHost.addListener(revalidate);
        proxyExclusions.addListener(revalidate);
        proxyMode.addListener((obs, old, mode) -> validate());
        language.addListener((obs, old, chosen) -> languageChanges.set(chosen != null && chosen != runningLanguage));
        languageChanges.set(language.get() != runningLanguage);
        validate();

        List<javafx.beans.Observable> inputs = new ArrayList<>(List.of(pollInitialMillis.validProperty(),
                pollMaxMillis.validProperty(), jobTimeoutSeconds.validProperty(), maxTargetsPerHaVip.validProperty(),
                maxHaVipsPerTarget.validProperty(), parallelism.validProperty(), refreshSeconds.validProperty(),
                saving, language, theme, proxyMode, proxyPort.validProperty(), proxyHostError, proxyExclusionsError));
        rateLimits.forEach(row -> inputs.add(row.field().validProperty()));
        canSave = Bindings.createBooleanBinding(
                () -> numbers.stream().allMatch(NumberField::isValid) && !saving.get()
                        && rateLimits.stream().allMatch(row -> row.field().isValid())
                        && language.get() != null && theme.get() != null && proxyMode.get() != null
                        && proxyPort.isValid() && proxyHostError.get().isEmpty() && proxyExclusionsError.get().isEmpty(),
                inputs.toArray(javafx.beans.Observable[]::new));
    }

    private static List<RateLimitRow> rateLimitRows(Map<String, Integer> raised) {
        PacingSettings documented = PacingSettings.documented();
        List<RateLimitRow> rows = new ArrayList<>();
        for (EnsOperation op : RATE_LIMITED) {
            int assumed = (int) Math.round(documented.limit(op));
            rows.add(new RateLimitRow(op.action(), assumed, new NumberField(raised.getOrDefault(op.action(), assumed))));
        }
        return List.copyOf(rows);
    }

    /** Puts every rate limit back to the documented one; nothing is written until {@link #save()}. */
    public void useDocumentedRateLimits() {
        rateLimits.forEach(row -> row.field().setValue(row.documented()));
    }

    /** Puts every field back to the defaults; nothing is written until {@link #save()}. */
    public void restoreDefaults() {
        Settings defaults = Settings.defaults();
        followsOs = true;
        language.set(systemLanguage);
        theme.set(Theme.parse(defaults.theme()));
        pollInitialMillis.setValue(defaults.pollInitialMillis());
        pollMaxMillis.setValue(defaults.pollMaxMillis());
        jobTimeoutSeconds.setValue(defaults.jobTimeoutSeconds());
        maxTargetsPerHaVip.setValue(defaults.maxTargetsPerHaVip());
        maxHaVipsPerTarget.setValue(defaults.maxHaVipsPerTarget());
        parallelism.setValue(defaults.parallelism());
        refreshSeconds.setValue(defaults.refreshSeconds());
        useDocumentedRateLimits();
        proxyMode.set(defaults.proxy().mode());
        showProxy(defaults.proxy());
    }

    private void showProxy(ProxySettings proxy) {
        proxyHost.set(proxy.host());
        proxyPort.setText(proxy.port() == 0 ? "" : Integer.toString(proxy.port()));
        proxyUser.set(proxy.user());
        proxyPassword.set(proxy.password() == null ? "" : proxy.password());
        proxyExclusions.set(String.join(", ", proxy.exclusions()));
    }

    /**
     * Writes the settings in the background. On success {@link #savedProperty()} becomes them; on
     * failure {@link #saveErrorProperty()} says why and the dialog stays open.
     */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        Settings next = toSettings();
        saving.set(true);
        saveError.set("");
        runner.submit("settings-save", progress -> {
            store.save(next);
            return next;
        }, written -> {
            saving.set(false);
            LOG.info("settings saved to {}", store.file());
            saved.set(written);
        }, this::saveFailed);
    }

    /**
     * The settings the fields describe, whether or not they are saved.
     *
     * @return the settings; only meaningful while {@link #canSaveProperty()} is true
     */
    public Settings toSettings() {
        // Keeping "no language" while the user kept the OS's lets the console follow a later OS change.
        String languageCode = followsOs && language.get() == systemLanguage ? null : language.get().code();
        return new Settings(languageCode, theme.get().name(), intOf(pollInitialMillis), intOf(pollMaxMillis),
                intOf(jobTimeoutSeconds), intOf(maxTargetsPerHaVip), intOf(maxHaVipsPerTarget),
                intOf(parallelism), intOf(refreshSeconds), original.lastConnection(), original.lastRegions(),
                toProxySettings(), toRateLimits());
    }

    /**
     * @return the rate limits that differ from the documented ones, by {@code Action} name (kept
     *         as typed for the operations the dialog does not show)
     */
    public Map<String, Integer> toRateLimits() {
        Map<String, Integer> raised = new TreeMap<>(original.rateLimits());
        for (RateLimitRow row : rateLimits) {
            int value = intOf(row.field());
            if (value == row.documented()) {
                raised.remove(row.action());
            } else {
                raised.put(row.action(), value);
            }
        }
        return raised;
    }

    /**
     * @return the proxy the fields describe; host, port and credentials count in manual mode only
     */
    public ProxySettings toProxySettings() {
        return switch (proxyMode.get()) {
            case SYSTEM -> ProxySettings.system();
            case NONE -> ProxySettings.none();
            case MANUAL -> ProxySettings.manual(proxyHost.get(), proxyPort.value().orElse(0), proxyUser.get(),
                    proxyUser.get().isBlank() ? null : proxyPassword.get(),
                    ProxySettings.parseExclusions(proxyExclusions.get()));
        };
    }

    /**
     * @param value a proxy mode
     * @return its name as the proxy choice shows it
     */
    public String proxyModeName(ProxySettings.Mode value) {
        if (value == null) {
            return "";
        }
        return switch (value) {
            case SYSTEM -> i18n.get("settings.proxy.mode.system");
            case NONE -> i18n.get("settings.proxy.mode.none");
            case MANUAL -> i18n.get("settings.proxy.mode.manual");
        };
    }

    /**
     * @param value a language
     * @return its name as the language choice shows it
     */
    public String languageName(Language value) {
        if (value == null) {
            return "";
        }
        return switch (value) {
            case ENGLISH -> i18n.get("settings.language.english");
            case SIMPLIFIED_CHINESE -> i18n.get("settings.language.chinese");
        };
    }

    /**
     * @param value a theme
     * @return its name as the theme choice shows it
     */
    public String themeName(Theme value) {
        if (value == null) {
            return "";
        }
        return switch (value) {
            case LIGHT -> i18n.get("settings.theme.light");
            case DARK -> i18n.get("settings.theme.dark");
        };
    }

    private void validate() {
        OptionalInt initial = check(pollInitialMillis, POLL_INITIAL_MIN, POLL_INITIAL_MAX);
        OptionalInt longest = check(pollMaxMillis, POLL_INITIAL_MIN, POLL_MAX_MAX);
        if (initial.isPresent() && longest.isPresent() && longest.getAsInt() < initial.getAsInt()) {
            pollMaxMillis.setError(i18n.get("settings.error.pollMaxBelowInitial", String.valueOf(initial.getAsInt())));
        }
        check(jobTimeoutSeconds, JOB_TIMEOUT_MIN, JOB_TIMEOUT_MAX);
        check(maxTargetsPerHaVip, LIMIT_MIN, LIMIT_MAX);
        check(maxHaVipsPerTarget, LIMIT_MIN, LIMIT_MAX);
        check(parallelism, PARALLELISM_MIN, PARALLELISM_MAX);
        check(refreshSeconds, REFRESH_MIN, REFRESH_MAX);
        rateLimits.forEach(row -> checkRate(row.field()));
        validateProxy();
    }

    /** Says what is wrong with a rate: not a whole number, too small to let calls through, absurdly large. */
    private void checkRate(NumberField field) {
        String typed = field.getText() == null ? "" : field.getText().trim();
        BigDecimal number;
        try {
            number = new BigDecimal(typed);
        } catch (NumberFormatException notANumber) {
            field.setError(i18n.get("settings.rateLimits.error.number"));
            return;
        }
        if (number.signum() <= 0) {
            field.setError(i18n.get("settings.rateLimits.error.tooLow"));
        } else if (number.compareTo(BigDecimal.valueOf(Settings.RATE_LIMIT_MAX)) > 0) {
            field.setError(i18n.get("settings.rateLimits.error.tooHigh", String.valueOf(Settings.RATE_LIMIT_MAX)));
        } else if (field.value().isEmpty()) {
            field.setError(i18n.get("settings.rateLimits.error.number"));
        } else {
            field.setError("");
        }
    }

    /** Host, port and exclusions are checked in manual mode only; the other modes ignore them. */
    private void validateProxy() {
        if (proxyMode.get() != ProxySettings.Mode.MANUAL) {
            proxyHostError.set("");
            proxyPort.setError("");
            proxyExclusionsError.set("");
            return;
        }
        String host = proxyHost.get() == null ? "" : proxyHost.get().trim();
        if (host.isEmpty()) {
            proxyHostError.set(i18n.get("settings.proxy.error.hostRequired"));
        } else if (!PROXY_HOST.matcher(host).matches()) {
            proxyHostError.set(i18n.get("settings.proxy.error.host"));
        } else {
            proxyHostError.set("");
        }
        check(proxyPort, PORT_MIN, PORT_MAX);
        String invalid = ProxySettings.parseExclusions(proxyExclusions.get()).stream()
                .filter(exclusion -> !EXCLUSION.matcher(exclusion).matches()).findFirst().orElse(null);
        proxyExclusionsError.set(invalid == null ? "" : i18n.get("settings.proxy.error.exclusion", invalid));
    }

    private OptionalInt check(NumberField field, int min, int max) {
        OptionalInt value = field.value();
        if (value.isEmpty() || value.getAsInt() < min || value.getAsInt() > max) {
            field.setError(i18n.get("settings.error.range", String.valueOf(min), String.valueOf(max)));
            return OptionalInt.empty();
        }
        field.setError("");
        return value;
    }

    private static int intOf(NumberField field) {
        return field.value().orElseThrow(() -> new IllegalStateException("invalid field " + field.getText()));
    }

    private void saveFailed(Throwable failure) {
        saving.set(false);
        Optional<IOException> io = failure instanceof IOException direct ? Optional.of(direct)
                : failure instanceof UncheckedIOException wrapped ? Optional.of(wrapped.getCause()) : Optional.empty();
        if (io.isPresent()) {
            LOG.warn("could not save the settings to {}", store.file(), io.get());
            saveError.set(i18n.get("settings.save.failed", store.file().toAbsolutePath(),
                    io.get().getClass().getSimpleName()));
        } else {
            LOG.error("saving the settings failed unexpectedly", failure);
            saveError.set(i18n.get("settings.save.unexpected"));
            onUnexpected.accept(failure);
        }
    }

    /** @return the languages offered: English and Simplified Chinese */
    public ObservableList<Language> languages() {
        return languages;
    }

    /** @return the chosen language; the View writes it */
    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    /** @return the themes offered: light and dark */
    public ObservableList<Theme> themes() {
        return themes;
    }

    /** @return the chosen theme; the View writes it */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** @return the first wait before polling a binding, ms */
    public NumberField pollInitialMillis() {
        return pollInitialMillis;
    }

    /** @return the longest wait between two polls, ms; at least the first wait */
    public NumberField pollMaxMillis() {
        return pollMaxMillis;
    }

    /** @return how long a binding may take before it is timed out, s */
    public NumberField jobTimeoutSeconds() {
        return jobTimeoutSeconds;
    }

    /** @return the advisory limit of targets per HaVip */
    public NumberField maxTargetsPerHaVip() {
        return maxTargetsPerHaVip;
    }

    /** @return the advisory limit of HaVips per target */
    public NumberField maxHaVipsPerTarget() {
        return maxHaVipsPerTarget;
    }

    /** @return how many requests the inventory load may run at once */
    public NumberField parallelism() {
        return parallelism;
    }

    /** @return the periodic HaVip refresh, s; 0 is off */
    public NumberField refreshSeconds() {
        return refreshSeconds;
    }

    /** @return the API rate limits, one row per operation offered, in {@link #RATE_LIMITED} order */
    public List<RateLimitRow> rateLimits() {
        return rateLimits;
    }

    /** @return the proxy modes offered: system, none, manual */
    public ObservableList<ProxySettings.Mode> proxyModes() {
        return proxyModes;
    }

    /** @return the chosen proxy mode; the View writes it */
    public ObjectProperty<ProxySettings.Mode> proxyModeProperty() {
        return proxyMode;
    }

    /** @return whether the manual proxy fields apply */
    public BooleanBinding manualProxyProperty() {
        return manualProxy;
    }

    /** @return the manual proxy's host; the View writes it */
    public StringProperty proxyHostProperty() {
        return proxyHost;
    }

    /** @return why the host is not valid, in the user's language; empty when it is */
    public ReadOnlyStringProperty proxyHostErrorProperty() {
        return proxyHostError.getReadOnlyProperty();
    }

    /** @return the manual proxy's port */
    public NumberField proxyPort() {
        return proxyPort;
    }

    /** @return the manual proxy's user name, empty for none; the View writes it */
    public StringProperty proxyUserProperty() {
        return proxyUser;
    }

    /** @return the manual proxy's password, kept for this run only; the View writes it */
    public StringProperty proxyPasswordProperty() {
        return proxyPassword;
    }

    /** @return the hosts reached without the proxy, separated by commas; the View writes it */
    public StringProperty proxyExclusionsProperty() {
        return proxyExclusions;
    }

    /** @return why an exclusion is not valid, in the user's language; empty when all are */
    public ReadOnlyStringProperty proxyExclusionsErrorProperty() {
        return proxyExclusionsError.getReadOnlyProperty();
    }

    /** @return whether the chosen language differs from the one shown now: saving switches to it at once */
    public ReadOnlyBooleanProperty languageChangesProperty() {
        return languageChanges.getReadOnlyProperty();
    }

    public boolean languageChanges() {
        return languageChanges.get();
    }

    /** @return whether the settings are being written */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** @return why the last save failed, in the user's language; empty otherwise */
    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    public String getSaveError() {
        return saveError.get();
    }

    /** @return the settings once written; null until then (and when the dialog is cancelled) */
    public ReadOnlyObjectProperty<Settings> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public Optional<Settings> getSaved() {
        return Optional.ofNullable(saved.get());
    }

    /** @return whether {@link #save()} can run: every number is valid and no save is running */
    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
