package io.enscope.ui.activity;

import io.enscope.binding.BindingJob;
import io.enscope.binding.JobKind;
import io.enscope.binding.JobState;
import io.enscope.ens.EnsError;
import io.enscope.ens.model.InstanceType;
import io.enscope.ui.common.Tone;
import io.enscope.ui.havip.StatusValue;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.time.Instant;

/**
 * One job in the Activities pane. The identifying fields are fixed; everything that changes while
 * the job runs is a read-only property updated in place on the UI thread, so a table cell bound
 * to it follows the job live. {@link #stateProperty()} changes last in every update, so that its
 * observers (the list extractor, the command bindings) see the rest of the row already updated.
 */
public final class ActivityRow {
    private final String jobId;
    private final JobKind kind;
    private final String haVipId;
    private final String targetId;
    private final InstanceType instanceType;
    private final Instant createdAt;
    private final String retryOf;
    private final String kindText;
    private final String startedText;

    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(this, "tone");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "");
    private final ReadOnlyObjectWrapper<Instant> updatedAt = new ReadOnlyObjectWrapper<>(this, "updatedAt");
    private final ReadOnlyStringWrapper lastChangeText = new ReadOnlyStringWrapper(this, "lastChangeText", "");
    private final ReadOnlyObjectWrapper<Duration> duration = new ReadOnlyObjectWrapper<>(this, "duration", Duration.ZERO);
    private final ReadOnlyStringWrapper durationText = new ReadOnlyStringWrapper(this, "durationText", "");
    private final ReadOnlyIntegerWrapper polls = new ReadOnlyIntegerWrapper(this, "polls");
    private final ReadOnlyStringWrapper pollsText = new ReadOnlyStringWrapper(this, "pollsText", "");
    private final ReadOnlyObjectWrapper<EnsError> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper errorCode = new ReadOnlyStringWrapper(this, "errorCode", "");
    private final ReadOnlyStringWrapper requestId = new ReadOnlyStringWrapper(this, "requestId", "");
    private final ReadOnlyBooleanWrapper resumed = new ReadOnlyBooleanWrapper(this, "resumed");
    private final ReadOnlyBooleanWrapper retried = new ReadOnlyBooleanWrapper(this, "retried");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision", -1);

    ActivityRow(BindingJob job, ActivityTexts texts, Instant now) {
        this.jobId = job.id();
        this.kind = job.kind();
        this.haVipId = job.haVipId();
        this.targetId = job.targetId();
        this.instanceType = job.instanceType();
        this.createdAt = job.createdAt();
        this.retryOf = job.retryOf();
        this.kindText = texts.kind(kind);
        this.startedText = texts.time(createdAt, now);
        update(job, texts, now);
    }

    /** What the source list's extractor watches: a change of state re-filters and re-sorts the row. */
    static Observable[] observables(ActivityRow row) {
        return new Observable[] {row.state};
    }

    /** Takes the job's latest snapshot; the caller checks that it is not older than the row. */
    void update(BindingJob job, ActivityTexts texts, Instant now) {
        EnsError failure = job.error().orElse(null);
        error.set(failure);
        errorMessage.set(texts.errorMessage(failure));
        errorCode.set(failure == null ? "" : failure.code());
        String id = failure != null && failure.requestId() != null ? failure.requestId() : job.requestId();
        requestId.set(id == null ? "" : id);
        updatedAt.set(job.updatedAt());
        lastChangeText.set(texts.time(job.updatedAt(), now));
        updatePolls(job.polls(), texts);
        revision.set(job.revision());
        updateDuration(job.state(), texts, now);
        StatusValue status = texts.state(job.state());
        tone.set(status.tone());
        stateText.set(status.text());
        state.set(job.state());
    }

    void updatePolls(int count, ActivityTexts texts) {
        polls.set(count);
        pollsText.set(texts.polls(count));
    }

    /** Recomputes the duration: up to now while the job runs, up to its end once it is over. */
    void updateDuration(ActivityTexts texts, Instant now) {
        updateDuration(state.get(), texts, now);
    }

    private void updateDuration(JobState current, ActivityTexts texts, Instant now) {
        Instant end = current.isTerminal() ? updatedAt.get() : now;
        Duration elapsed = Duration.between(createdAt, end);
        duration.set(elapsed.isNegative() ? Duration.ZERO : elapsed);
        durationText.set(texts.duration(duration.get()));
    }

    void markResumed() {
        resumed.set(true);
    }

    void markRetried(boolean value) {
        retried.set(value);
    }

    /** @return the job ID */
    public String getJobId() {
        return jobId;
    }

    /** @return bind or unbind */
    public JobKind getKind() {
        return kind;
    }

    /** @return "Bind" or "Unbind" in the user's language */
    public String getKindText() {
        return kindText;
    }

    /** @return the HaVip */
    public String getHaVipId() {
        return haVipId;
    }

    /** @return the instance or ENI */
    public String getTargetId() {
        return targetId;
    }

    /** @return what the target is */
    public InstanceType getInstanceType() {
        return instanceType;
    }

    /** @return when the job was submitted */
    public Instant getCreatedAt() {
        return createdAt;
    }

    /** @return the submission time as shown: the time of day, with the date when not today */
    public String getStartedText() {
        return startedText;
    }

    /** @return the job this one repeats, or null */
    public String getRetryOf() {
        return retryOf;
    }

    /** @return where the job is; drives the chip, the filter and the commands */
    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public JobState getState() {
        return state.get();
    }

    /** @return how the state reads at a glance (the chip's colour and icon) */
    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    public Tone getTone() {
        return tone.get();
    }

    /** @return the chip text, e.g. {@code Associating}, {@code InUse}, {@code Failed}; it changes after the tone */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public String getStateText() {
        return stateText.get();
    }

    /** @return when the state last changed */
    public ReadOnlyObjectProperty<Instant> updatedAtProperty() {
        return updatedAt.getReadOnlyProperty();
    }

    public Instant getUpdatedAt() {
        return updatedAt.get();
    }

    /** @return the last change as shown */
    public ReadOnlyStringProperty lastChangeTextProperty() {
        return lastChangeText.getReadOnlyProperty();
    }

    public String getLastChangeText() {
        return lastChangeText.get();
    }

    /** @return how long the job ran, or has been running so far */
    public ReadOnlyObjectProperty<Duration> durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public Duration getDuration() {
        return duration.get();
    }

    /** @return the duration as shown, e.g. {@code 4.2 s} */
    public ReadOnlyStringProperty durationTextProperty() {
        return durationText.getReadOnlyProperty();
    }

    public String getDurationText() {
        return durationText.get();
    }

    /** @return the DescribeHaVips calls the job made in this session (0 for past jobs) */
    public ReadOnlyIntegerProperty pollsProperty() {
        return polls.getReadOnlyProperty();
    }

    public int getPolls() {
        return polls.get();
    }

    /** @return the polls as shown; a dash for none */
    public ReadOnlyStringProperty pollsTextProperty() {
        return pollsText.getReadOnlyProperty();
    }

    public String getPollsText() {
        return pollsText.get();
    }

    /** @return why the job failed (or timed out), null when it did not */
    public ReadOnlyObjectProperty<EnsError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public EnsError getError() {
        return error.get();
    }

    /** @return the error in the user's language, empty when none */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public String getErrorMessage() {
        return errorMessage.get();
    }

    /** @return the ENS error code, empty when none */
    public ReadOnlyStringProperty errorCodeProperty() {
        return errorCode.getReadOnlyProperty();
    }

    public String getErrorCode() {
        return errorCode.get();
    }

    /** @return the RequestId of the error, or else of the accepted write; empty when none */
    public ReadOnlyStringProperty requestIdProperty() {
        return requestId.getReadOnlyProperty();
    }

    public String getRequestId() {
        return requestId.get();
    }

    /** @return whether the job was unfinished when the application last stopped and was resumed at start */
    public ReadOnlyBooleanProperty resumedProperty() {
        return resumed.getReadOnlyProperty();
    }

    public boolean isResumed() {
        return resumed.get();
    }

    /** @return whether a retry of this job was submitted (it is retried once; a failed retry is retried itself) */
    public ReadOnlyBooleanProperty retriedProperty() {
        return retried.getReadOnlyProperty();
    }

    public boolean isRetried() {
        return retried.get();
    }

    /** @return how many transitions the shown snapshot has had */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public int getRevision() {
        return revision.get();
    }

    @Override
    public String toString() {
        return "ActivityRow[" + jobId + " " + kind + " " + haVipId + " -> " + targetId + " " + state.get() + "]";
    }
}
