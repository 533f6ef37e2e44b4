package io.enscope.ui.activity;

import io.enscope.binding.BindingJob;
import io.enscope.binding.JobKind;
import io.enscope.binding.JobState;
import io.enscope.ens.model.InstanceType;
import io.enscope.ui.common.I18n;
import io.enscope.ui.havip.StatusValue;
import io.enscope.ui.havip.Statuses;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Activities pane shows a job's state in the console's one vocabulary, like the HaVip detail's timeline. */
class ActivityStatusesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void everyJobStateReadsAndLooksAsInTheHaVipDetail() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, I18n.CHINESE}) {
            I18n i18n = new I18n(locale);
            ActivityTexts texts = new ActivityTexts(i18n, ZoneOffset.UTC);
            Statuses statuses = new Statuses(i18n);
            for (JobKind kind : JobKind.values()) {
                for (JobState state : JobState.values()) {
                    BindingJob job = new BindingJob("job-1", kind, "havip-a", "i-1", InstanceType.ENS_INSTANCE,
                            state, Optional.empty(), null, T0, T0, 0, 0, null);
                    ActivityRow row = new ActivityRow(job, texts, T0);
                    StatusValue expected = statuses.job(state);
                    assertThat(row.getStateText()).as(locale + " " + kind + " " + state).isEqualTo(expected.text());
                    assertThat(row.getTone()).as(locale + " " + kind + " " + state).isEqualTo(expected.tone());
                }
            }
        }
    }
}
