package io.enscope.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ModifyHaVipAttribute through the real SDK: {@code Name} is optional in the request model. */
class HaVipAttributeSdkTest {
    private static final Account ADMIN = new Account("test-admin", "test-admin-secret", false);

    private EnsEmulator emulator;
    private SdkCaller admin;

    @BeforeEach
    void start() {
        emulator = EnsEmulator.builder().port(0).scenario(TestScenarios.small())
                .timings(Timings.all(TransitionTiming.afterPolls(0))).account(ADMIN).start();
        admin = new SdkCaller(emulator, ADMIN);
    }

    @AfterEach
    void stop() {
        admin.shutdown();
        emulator.close();
    }

    @Test
    void withoutNameTheCallSucceedsAndKeepsTheName() {
        admin.call("ModifyHaVipAttribute", "HaVipId", "havip-free", "Name", "before");

        JsonNode body = admin.call("ModifyHaVipAttribute", "HaVipId", "havip-free");

        assertThat(body.path("RequestId").asText()).isNotEmpty();
        assertThat(havip("havip-free").path("Name").asText()).isEqualTo("before");
    }

    @Test
    void withoutHaVipIdItIsStillMissing() {
        assertThat(admin.errorCode("ModifyHaVipAttribute", "Name", "x")).isEqualTo("MissingHaVipId");
    }

    @Test
    void withANameItRenamesAndABadNameIsRefused() {
        admin.call("ModifyHaVipAttribute", "HaVipId", "havip-free", "Name", "renamed");
        assertThat(havip("havip-free").path("Name").asText()).isEqualTo("renamed");
        assertThat(admin.errorCode("ModifyHaVipAttribute", "HaVipId", "havip-free", "Name", "http://x"))
                .isEqualTo("InvalidParameter.Name");
    }

    private JsonNode havip(String id) {
        return admin.call("DescribeHaVips", "HaVipId", id).path("HaVips").get(0);
    }
}
