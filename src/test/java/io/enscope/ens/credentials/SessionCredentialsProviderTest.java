package io.enscope.ens.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionCredentialsProviderTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path home;

    /** Records calls and answers with numbered temporary keys valid for the requested duration. */
    private static final class FakeSts implements StsClient {
        final List<AccessKey> callers = new ArrayList<>();
        final List<RoleAssumption> roles = new ArrayList<>();
        final MutableClock clock;
        String failWith;

        FakeSts(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public TemporaryCredentials assumeRole(AccessKey caller, RoleAssumption role) throws StsException {
            callers.add(caller);
            roles.add(role);
            if (failWith != null) {
                throw new StsException(failWith, Optional.of("req-1"));
            }
            int n = roles.size();
            return new TemporaryCredentials(new AccessKey("STS.Temporary000000" + n, Secret.of("SECRET-temp-" + n),
                    Optional.of(Secret.of("TOKEN-temp-" + n))), clock.instant().plusSeconds(role.durationSeconds()));
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private ResolvedCredentials profile(String name) throws CredentialsException {
        Fixtures.cliConfig(home, "config-good.json");
        return new CredentialChain(Map.of(), home).resolve(ProfileRef.cliConfig(name));
    }

    @Test
    void akProfileSignsWithItsOwnKeyWithoutCallingSts() throws Exception {
        MutableClock clock = new MutableClock();
        FakeSts sts = new FakeSts(clock);

        SessionCredentials session = new SessionCredentialsProvider(profile("work"), sts, clock).get();

        assertThat(session.accessKey().id()).isEqualTo("LTAI5tWorkProfile1111");
        assertThat(session.accessKey().secret().reveal()).isEqualTo("SECRET-work-ak");
        assertThat(session.expiration()).isEmpty();
        assertThat(session.origin()).isEqualTo(ProfileRef.cliConfig("work"));
        assertThat(sts.roles).isEmpty();
    }

    @Test
    void stsTokenProfileSignsWithItsTokenWithoutCallingSts() throws Exception {
        MutableClock clock = new MutableClock();
        FakeSts sts = new FakeSts(clock);

        SessionCredentials session = SessionCredentialsProvider.exchange(profile("temporary"), sts);

        assertThat(session.accessKey().securityToken()).map(Secret::reveal).contains("TOKEN-temporary-sts");
        assertThat(sts.roles).isEmpty();
    }

    @Test
    void ramRoleArnProfileAssumesTheRoleWithItsParameters() throws Exception {
        MutableClock clock = new MutableClock();
        FakeSts sts = new FakeSts(clock);

        SessionCredentials session = new SessionCredentialsProvider(profile("ops-role"), sts, clock).get();

        assertThat(sts.callers).singleElement().satisfies(caller -> {
            assertThat(caller.id()).isEqualTo("LTAI5tRoleCaller33333");
            assertThat(caller.secret().reveal()).isEqualTo("SECRET-role-caller");
        });
        assertThat(sts.roles).singleElement().satisfies(role -> {
            assertThat(role.roleArn()).isEqualTo("acs:ram::1234567890123456:role/ens-operator");
            assertThat(role.sessionName()).isEqualTo("enscope-session");
            assertThat(role.externalId()).contains("EXTERNAL-abc");
            assertThat(role.stsRegion()).contains("cn-beijing");
            assertThat(role.durationSeconds()).isEqualTo(1800);
        });
        assertThat(session.accessKey().id()).isEqualTo("STS.Temporary0000001");
        assertThat(session.accessKey().securityToken()).map(Secret::reveal).contains("TOKEN-temp-1");
        assertThat(session.expiration()).contains(NOW.plusSeconds(1800));
        assertThat(session.origin()).isEqualTo(ProfileRef.cliConfig("ops-role"));
    }

    @Test
    void temporaryCredentialsAreCachedUntilShortlyBeforeExpiry() throws Exception {
        MutableClock clock = new MutableClock();
        FakeSts sts = new FakeSts(clock);
        SessionCredentialsProvider provider = new SessionCredentialsProvider(profile("ops-role"), sts, clock);

        SessionCredentials first = provider.get();
        clock.now = NOW.plusSeconds(1800).minus(SessionCredentialsProvider.REFRESH_MARGIN).minusSeconds(1);
        assertThat(provider.get()).isSameAs(first);
        assertThat(sts.roles).hasSize(1);

        clock.now = clock.now.plusSeconds(1);
        SessionCredentials renewed = provider.get();

        assertThat(sts.roles).hasSize(2);
        assertThat(renewed.accessKey().id()).isEqualTo("STS.Temporary0000002");
        assertThat(renewed.expiration()).contains(clock.now.plusSeconds(1800));
    }

    @Test
    void invalidateForcesANewAssumeRole() throws Exception {
        MutableClock clock = new MutableClock();
        FakeSts sts = new FakeSts(clock);
        SessionCredentialsProvider provider = new SessionCredentialsProvider(profile("ops-role"), sts, clock);

        provider.get();
        provider.invalidate();
        provider.get();

        assertThat(sts.roles).hasSize(2);
    }

    @Test
    void stsFailureNamesFileProfileRoleAndCode() throws Exception {
        MutableClock clock = new MutableClock();
        FakeSts sts = new FakeSts(clock);
        sts.failWith = "NoPermission";
        SessionCredentialsProvider provider = new SessionCredentialsProvider(profile("ops-role"), sts, clock);
        String file = home.resolve(".aliyun/config.json").toString();

        assertThatThrownBy(provider::get)
                .isInstanceOfSatisfying(CredentialsException.class, e -> {
                    assertThat(e.problem().key()).isEqualTo("credentials.error.assumeRoleFailed");
                    assertThat(e.problem().arguments()).containsExactly(file, "ops-role",
                            "acs:ram::1234567890123456:role/ens-operator", "NoPermission");
                    assertThat(e.getCause()).isInstanceOfSatisfying(StsException.class,
                            cause -> assertThat(cause.requestId()).contains("req-1"));
                })
                .hasMessage("In " + file + ", profile \"ops-role\": STS AssumeRole for"
                        + " acs:ram::1234567890123456:role/ens-operator failed with error NoPermission.")
                .hasMessageNotContaining("SECRET");

        sts.failWith = null;
        assertThat(provider.get().accessKey().id()).startsWith("STS.");
    }

    @Test
    void refreshMarginIsShorterThanTheShortestSession() {
        assertThat(SessionCredentialsProvider.REFRESH_MARGIN)
                .isLessThan(Duration.ofSeconds(RoleAssumption.MIN_DURATION_SECONDS));
    }
}
