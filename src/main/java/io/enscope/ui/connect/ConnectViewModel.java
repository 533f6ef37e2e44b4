package io.enscope.ui.connect;

import io.enscope.ens.EnsApi;
import io.enscope.ens.EnsError;
import io.enscope.ens.EnsException;
import io.enscope.ens.credentials.CredentialProfile;
import io.enscope.ens.credentials.CredentialSource;
import io.enscope.ens.credentials.CredentialsException;
import io.enscope.ens.credentials.CredentialsProblem;
import io.enscope.ens.credentials.ProfileRef;
import io.enscope.ui.common.I18n;
import io.enscope.ui.common.TaskRunner;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Connect dialog: lists the sandbox first, then every credential profile the aliyun CLI and
 * the SDKs would find (never a secret: masked AccessKeyIds only), tests a choice with one cheap
 * call off the FX thread, and hands the chosen {@link ConnectionChoice} to the caller through
 * {@link #resultProperty()}. The caller remembers it with {@link ConnectionChoice#toSetting()}.
 *
 * <p>Lifecycle: {@link #activate()} when the dialog is shown (reads the profiles again, so a
 * profile added with {@code aliyun configure} meanwhile appears), {@link #deactivate()} when it is
 * hidden (cancels a running test). All methods are called on the UI thread.
 */
public final class ConnectViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectViewModel.class);
    private static final String SEPARATOR = " \u00b7 ";

    private final Supplier<List<CredentialProfile>> profiles;
    private final ConnectionFactory connections;
    private final TaskRunner runner;
    private final I18n i18n;
    private final ConnectionChoice lastChoice;
    private final Consumer<? super Throwable> onUnexpected;

    private final ObservableList<ConnectionRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ConnectionRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<ConnectionRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final ReadOnlyObjectWrapper<ConnectionTestState> testState =
            new ReadOnlyObjectWrapper<>(this, "testState", ConnectionTestState.IDLE);
    private final ReadOnlyStringWrapper testStatusText = new ReadOnlyStringWrapper(this, "testStatusText", "");
    private final ReadOnlyStringWrapper testMessage = new ReadOnlyStringWrapper(this, "testMessage", "");
    private final ReadOnlyStringWrapper testCode = new ReadOnlyStringWrapper(this, "testCode", "");
    private final ReadOnlyStringWrapper testRequestId = new ReadOnlyStringWrapper(this, "testRequestId", "");
    private final ReadOnlyStringWrapper testDetail = new ReadOnlyStringWrapper(this, "testDetail", "");
    private final ReadOnlyObjectWrapper<ConnectionChoice> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final BooleanBinding canTestConnection;
    private final BooleanBinding canConnect;

    private TaskRunner.Handle runningTest;
    private TaskRunner.Handle runningLoad;
    // Until the first listing, the sandbox is selected only as a placeholder for the last choice.
    private boolean listed;
    // Results of a test started for an earlier choice must not be shown for the current one.
    private long testGeneration;

    /**
     * @param profiles     lists the profiles, normally {@code CredentialChain::listProfiles}; called off the FX thread
     * @param connections  opens an API for a choice; called off the FX thread
     * @param runner       runs the listing and the test call in the background
     * @param i18n         the texts of the user's language
     * @param lastChoice   the choice to pre-select (from the settings), the sandbox when unknown
     * @param onUnexpected receives failures that are bugs rather than connection problems (the error dialog)
     */
    public ConnectViewModel(Supplier<List<CredentialProfile>> profiles, ConnectionFactory connections,
                            TaskRunner runner, I18n i18n, ConnectionChoice lastChoice,
                            Consumer<? super Throwable> onUnexpected) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.lastChoice = lastChoice == null ? ConnectionChoice.SANDBOX : lastChoice;
        this.onUnexpected = Objects.requireNonNull(onUnexpected, "onUnexpected");

        // The sandbox is there before the profiles are read, so the dialog is usable at once.
        rows.add(sandboxRow());
        selectedRow.set(rows.get(0));
        selectedRow.addListener((obs, old, row) -> resetTest());
        canTestConnection = Bindings.createBooleanBinding(
                () -> selectedRow.get() != null && selectedRow.get().usable()
                        && testState.get() != ConnectionTestState.RUNNING,
                selectedRow, testState);
        canConnect = Bindings.createBooleanBinding(
                () -> selectedRow.get() != null && selectedRow.get().usable() && !loading.get(),
                selectedRow, loading);
    }

    /** Reads the profiles again; call when the dialog is shown. */
    public void activate() {
        refresh();
    }

    /** Cancels what is still running; call when the dialog is hidden. */
    public void deactivate() {
        cancel(runningLoad);
        cancel(runningTest);
        runningLoad = null;
        runningTest = null;
        loading.set(false);
        if (testState.get() == ConnectionTestState.RUNNING) {
            resetTest();
        }
    }

    /**
     * Reads the profiles in the background and lists them after the sandbox; keeps the current
     * selection when it still exists, else pre-selects the last choice, else the sandbox.
     */
    public void refresh() {
        cancel(runningLoad);
        loading.set(true);
        loadError.set("");
        runningLoad = runner.submit("connect-profiles", progress -> profiles.get(), this::showProfiles,
                this::profilesFailed);
    }

    /** Tests the selected choice with one DescribeEnsRegions call, in the background. */
    public void testConnection() {
        if (!canTestConnection.get()) {
            return;
        }
        ConnectionChoice choice = selectedRow.get().choice();
        cancel(runningTest);
        long generation = ++testGeneration;
        showTest(ConnectionTestState.RUNNING, i18n.get("connect.test.running"), "", "");
        runningTest = runner.submit("connect-test", progress -> countRegions(choice),
                count -> {
                    if (generation == testGeneration) {
                        showTest(ConnectionTestState.SUCCEEDED, i18n.get("connect.test.ok", count), "", "");
                    }
                },
                failure -> {
                    if (generation == testGeneration) {
                        testFailed(failure);
                    }
                });
    }

    /** Chooses the selected line: {@link #resultProperty()} becomes its choice. */
    public void connect() {
        if (canConnect.get()) {
            deactivate();
            result.set(selectedRow.get().choice());
        }
    }

    /**
     * The test outcome as text to copy: message, code and RequestId, for a support ticket.
     *
     * @return the text, empty when nothing was tested
     */
    public String testReport() {
        if (testState.get() == ConnectionTestState.IDLE) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        lines.add(testMessage.get());
        if (!testCode.get().isEmpty()) {
            lines.add(i18n.get("connect.test.code", testCode.get()));
        }
        if (!testRequestId.get().isEmpty()) {
            lines.add(i18n.get("connect.test.requestId", testRequestId.get()));
        }
        return String.join(System.lineSeparator(), lines);
    }

    private int countRegions(ConnectionChoice choice) throws Exception {
        EnsApi api = connections.open(choice);
        try {
            return api.describeRegions().size();
        } finally {
            if (api instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    private void testFailed(Throwable failure) {
        Optional<EnsException> ens = find(failure, EnsException.class);
        Optional<CredentialsException> credentials = find(failure, CredentialsException.class);
        if (ens.isPresent()) {
            EnsError error = ens.get().error();
            LOG.info("connection test failed: {}", error.summary());
            showTest(ConnectionTestState.FAILED, error.localizedMessage(i18n.bundle()), error.code(),
                    error.requestId() == null ? "" : error.requestId());
        } else if (credentials.isPresent()) {
            LOG.info("connection test failed: {}", credentials.get().getMessage());
            showTest(ConnectionTestState.FAILED, problemText(credentials.get().problem()), "", "");
        } else {
            LOG.error("connection test failed unexpectedly", failure);
            showTest(ConnectionTestState.FAILED, i18n.get("connect.test.unexpected"), "", "");
            onUnexpected.accept(failure);
        }
    }

    private void showTest(ConnectionTestState state, String message, String code, String requestId) {
        // Texts first, state last: a listener on the state reads the texts of the new state.
        testStatusText.set(switch (state) {
            case IDLE -> "";
            case RUNNING -> i18n.get("connect.test.state.running");
            case SUCCEEDED -> i18n.get("status.Succeeded");
            case FAILED -> i18n.get("status.Failed");
        });
        testMessage.set(message);
        testCode.set(code);
        testRequestId.set(requestId);
        if (code.isEmpty()) {
            testDetail.set("");
        } else if (requestId.isEmpty()) {
            testDetail.set(i18n.get("connect.test.code", code));
        } else {
            testDetail.set(i18n.get("connect.test.codeAndRequestId", code, requestId));
        }
        testState.set(state);
    }

    private void resetTest() {
        cancel(runningTest);
        runningTest = null;
        testGeneration++;
        showTest(ConnectionTestState.IDLE, "", "", "");
    }

    private void showProfiles(List<CredentialProfile> found) {
        loading.set(false);
        ConnectionChoice wanted = listed && selectedRow.get() != null ? selectedRow.get().choice() : lastChoice;
        listed = true;
        List<ConnectionRow> newRows = new ArrayList<>();
        newRows.add(sandboxRow());
        found.stream().map(this::profileRow).forEach(newRows::add);
        rows.setAll(newRows);
        selectedRow.set(rows.stream().filter(r -> r.usable() && r.choice().equals(wanted)).findFirst()
                .orElse(rows.get(0)));
    }

    private void profilesFailed(Throwable failure) {
        loading.set(false);
        LOG.error("could not list the credential profiles", failure);
        loadError.set(i18n.get("connect.profiles.failed"));
        onUnexpected.accept(failure);
    }

    private ConnectionRow sandboxRow() {
        return new ConnectionRow(ConnectionChoice.SANDBOX, i18n.get("connect.sandbox.title"),
                i18n.get("connect.sandbox.summary"), "", "", "", "", "", false, "");
    }

    private ConnectionRow profileRow(CredentialProfile profile) {
        String source = sourceText(profile.source());
        String location = profile.file().map(Path::toString).orElse("");
        String title;
        if (profile.source() == CredentialSource.ENVIRONMENT) {
            title = i18n.get("connect.environment.title");
        } else if (profile.name().isEmpty()) {
            title = profile.file().map(Path::getFileName).map(Path::toString).orElse(source);
        } else {
            title = profile.name();
        }
        List<String> parts = new ArrayList<>();
        parts.add(source);
        if (!profile.mode().isEmpty()) {
            parts.add(profile.mode());
        }
        if (!profile.maskedAccessKeyId().isEmpty()) {
            parts.add(i18n.get("connect.row.accessKeyId", profile.maskedAccessKeyId()));
        }
        if (!profile.regionId().isEmpty()) {
            parts.add(i18n.get("connect.row.region", profile.regionId()));
        }
        ProfileRef ref = profile.ref();
        return new ConnectionRow(ConnectionChoice.of(ref), title, String.join(SEPARATOR, parts), source,
                profile.mode(), profile.maskedAccessKeyId(), profile.regionId(), location, profile.current(),
                profile.problem().map(this::problemText).orElse(""));
    }

    private String sourceText(CredentialSource source) {
        return switch (source) {
            case ENVIRONMENT -> i18n.get("connect.source.environment");
            case CLI_CONFIG -> i18n.get("connect.source.cliConfig");
            case CREDENTIALS_FILE -> i18n.get("connect.source.credentialsFile");
        };
    }

    private String problemText(CredentialsProblem problem) {
        return i18n.has(problem.key()) ? i18n.get(problem.key(), problem.argumentArray()) : problem.message();
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        // Bounded walk: a cause chain with a cycle must not hang the UI thread.
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 16; depth++, current = current.getCause()) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
        }
        return Optional.empty();
    }

    private static void cancel(TaskRunner.Handle handle) {
        if (handle != null && !handle.isDone()) {
            handle.cancel();
        }
    }

    /** @return the sandbox, then every profile in the order the credential chain consults them */
    public ObservableList<ConnectionRow> rows() {
        return readOnlyRows;
    }

    /** @return the line the user selected; the View writes it */
    public ObjectProperty<ConnectionRow> selectedRowProperty() {
        return selectedRow;
    }

    public ConnectionRow getSelectedRow() {
        return selectedRow.get();
    }

    /** @return whether the profiles are being read */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** @return why the profiles could not be listed, empty when they could */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** @return where the connection test stands */
    public ReadOnlyObjectProperty<ConnectionTestState> testStateProperty() {
        return testState.getReadOnlyProperty();
    }

    public ConnectionTestState getTestState() {
        return testState.get();
    }

    /** @return a one-word status of the test for its pill ("Testing…", "OK", "Failed"), empty when idle */
    public ReadOnlyStringProperty testStatusTextProperty() {
        return testStatusText.getReadOnlyProperty();
    }

    /** @return the outcome of the test in words: the region count, or the localized error */
    public ReadOnlyStringProperty testMessageProperty() {
        return testMessage.getReadOnlyProperty();
    }

    public String getTestMessage() {
        return testMessage.get();
    }

    /** @return the ENS error code of a failed test, empty otherwise */
    public ReadOnlyStringProperty testCodeProperty() {
        return testCode.getReadOnlyProperty();
    }

    public String getTestCode() {
        return testCode.get();
    }

    /** @return the RequestId of a failed test's answer, empty when there was none */
    public ReadOnlyStringProperty testRequestIdProperty() {
        return testRequestId.getReadOnlyProperty();
    }

    public String getTestRequestId() {
        return testRequestId.get();
    }

    /** @return code and RequestId of a failed test as one line, empty otherwise */
    public ReadOnlyStringProperty testDetailProperty() {
        return testDetail.getReadOnlyProperty();
    }

    /** @return the choice once the user connected; null until then (and when the dialog is cancelled) */
    public ReadOnlyObjectProperty<ConnectionChoice> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public Optional<ConnectionChoice> getResult() {
        return Optional.ofNullable(result.get());
    }

    /** @return whether {@link #testConnection()} can run: a usable line is selected and no test runs */
    public BooleanBinding canTestConnectionProperty() {
        return canTestConnection;
    }

    /** @return whether {@link #connect()} can run: a usable line is selected and the list is settled */
    public BooleanBinding canConnectProperty() {
        return canConnect;
    }
}
